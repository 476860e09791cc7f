/** The parent order's status strand (docs/domain.md §3.1). */
export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'SPLIT', 'CANCELLED', 'CLOSED'] as const;
/** A parent order's status. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A sub-order's fulfilment strand (docs/domain.md §3.2), in forward order. */
export const FULFILMENT_STATUSES = [
  'CREATED',
  'DISPATCHED',
  'ACCEPTED',
  'PICKING',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
  'REJECTED',
  'CANCELLED',
] as const;
/** A sub-order's fulfilment status. */
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

/** Where a parent order's own strand ends: split into sub-orders, cancelled, or closed unpaid. */
export const FINAL_ORDER_STATUSES = [
  'SPLIT',
  'CANCELLED',
  'CLOSED',
] as const satisfies readonly OrderStatus[];
/** Fulfilment statuses a sub-order never leaves. */
export const FINAL_FULFILMENT_STATUSES = [
  'DELIVERED',
  'REJECTED',
  'CANCELLED',
] as const satisfies readonly FulfilmentStatus[];
/** Fulfilment statuses of a sub-order still on its way: every one but the finals, in forward order. */
export const OPEN_FULFILMENT_STATUSES: readonly FulfilmentStatus[] = FULFILMENT_STATUSES.filter(
  (status) => !isFinalFulfilment(status),
);

/** Whether a sub-order in `status` is done (delivered, rejected or cancelled). */
export function isFinalFulfilment(status: FulfilmentStatus): boolean {
  return (FINAL_FULFILMENT_STATUSES as readonly FulfilmentStatus[]).includes(status);
}

/** A shipment's logistics node (docs/domain.md §3.3, §7). */
export const LOGISTICS_NODES = [
  'COLLECTED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'SIGNED',
  'EXCEPTION',
  'REJECTED',
  'RETURNING',
  'RETURN_SIGNED',
] as const;
/** A shipment's logistics node. */
export type LogisticsNode = (typeof LOGISTICS_NODES)[number];

/** An interception's status (docs/domain.md §2). */
export const INTERCEPTION_STATUSES = ['ACTIVE', 'RELEASED', 'CANCELLED_ORDER', 'EXPIRED'] as const;
/** An interception's status. */
export type InterceptionStatus = (typeof INTERCEPTION_STATUSES)[number];

/**
 * Rank of each fulfilment status on the forward path; a warehouse report may only move a sub-order to a
 * higher rank, an equal rank is a repeat. Finals share the top rank so none overtakes another.
 */
export const FULFILMENT_RANK: Readonly<Record<FulfilmentStatus, number>> = {
  CREATED: 0,
  DISPATCHED: 1,
  ACCEPTED: 2,
  PICKING: 3,
  PACKED: 4,
  SHIPPED: 5,
  DELIVERED: 6,
  REJECTED: 6,
  CANCELLED: 6,
};

/**
 * Rank of each logistics node: the delivery path (collected → signed), then the return path (rejected →
 * return-signed). `EXCEPTION` has no rank: it is a side node that can be left towards any node ranked at or
 * above the last normal one (docs/domain.md §7).
 */
export const LOGISTICS_RANK: Readonly<Record<Exclude<LogisticsNode, 'EXCEPTION'>, number>> = {
  COLLECTED: 1,
  IN_TRANSIT: 2,
  OUT_FOR_DELIVERY: 3,
  SIGNED: 4,
  REJECTED: 5,
  RETURNING: 6,
  RETURN_SIGNED: 7,
};

/** The status a customer sees for one sub-order (or an unsplit order), mapped from the strands (docs/domain.md §3). */
export const CUSTOMER_STATUSES = ['待付款', '待发货', '待收货', '已完成', '已取消', '已拒收'] as const;
/** One customer-facing status. */
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** The customer-facing status of an unsplit order. */
export function customerStatusOfOrder(status: OrderStatus): CustomerStatus {
  switch (status) {
    case 'PENDING_PAYMENT':
      return '待付款';
    case 'PAID':
    case 'SPLIT':
      return '待发货';
    case 'CANCELLED':
    case 'CLOSED':
      return '已取消';
  }
}

/** The customer-facing status of a sub-order. */
export function customerStatusOfSubOrder(status: FulfilmentStatus): CustomerStatus {
  switch (status) {
    case 'CREATED':
    case 'DISPATCHED':
    case 'ACCEPTED':
    case 'PICKING':
    case 'PACKED':
      return '待发货';
    case 'SHIPPED':
      return '待收货';
    case 'DELIVERED':
      return '已完成';
    case 'CANCELLED':
      return '已取消';
    case 'REJECTED':
      return '已拒收';
  }
}

/**
 * The customer-facing status of a split order, from its sub-orders: waiting for shipment while any is not shipped,
 * on its way while any parcel is, then done (something delivered), refused, or cancelled when nothing else is left.
 */
export function customerStatusOfSplitOrder(subOrders: readonly FulfilmentStatus[]): CustomerStatus {
  const shown = subOrders.map(customerStatusOfSubOrder);
  for (const status of ['待发货', '待收货', '已完成', '已拒收'] as const)
    if (shown.includes(status)) return status;
  return '已取消';
}
