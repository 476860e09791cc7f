import type { OrderAmounts } from '@oms/schema';
import { encrypted, receiverIndexes } from '@oms/server';
import type { OrderDraft, Row } from './model.js';

/** The tables a seeded order spreads over. */
export type TableName =
  | 'orders'
  | 'sub_orders'
  | 'order_lines'
  | 'sub_order_warehouses'
  | 'payments'
  | 'payment_logs'
  | 'gift_card_usages'
  | 'points_usages'
  | 'refunds'
  | 'shipments'
  | 'logistics_events'
  | 'interceptions'
  | 'order_events'
  | 'outbound_messages';

/** Timeline entries in time order, so ids increase along each story as the services' inserts do. */
function timeline(order: OrderDraft): OrderDraft['events'] {
  return [...order.events].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Every draft of an order, by table: what needs an id before anything is written. */
export function draftsOf(order: OrderDraft): Record<TableName, Row[]> {
  const shipments = order.subOrders.flatMap((s) => s.shipments);
  return {
    orders: [order],
    sub_orders: order.subOrders,
    order_lines: order.lines,
    sub_order_warehouses: order.subOrders.flatMap((s) => s.stays),
    payments: order.payments,
    payment_logs: order.payments.flatMap((p) => p.logs),
    gift_card_usages: order.giftCardUsages,
    points_usages: order.pointsUsages,
    refunds: order.refunds,
    shipments,
    logistics_events: shipments.flatMap((s) => s.events),
    interceptions: order.interceptions,
    order_events: timeline(order),
    outbound_messages: order.outbound,
  };
}

const idOf = (row: Row | null | undefined): number | null => row?.id ?? null;

/** Figures as the `*_fen` columns name them. */
function fen(a: OrderAmounts): Record<string, number> {
  return {
    goodsFen: a.goods,
    freightFen: a.freight,
    couponDiscountFen: a.couponDiscount,
    promotionDiscountFen: a.promotionDiscount,
    giftCardFen: a.giftCard,
    pointsFen: a.points,
    payableFen: a.payable,
  };
}

/**
 * Each draft flattened to the camelCase names of its table's columns, once every draft has its id: the draft's own
 * properties plus the foreign keys, the shard and the few values stored under another name.
 */
export function valuesOf(order: OrderDraft): Record<TableName, Record<string, unknown>[]> {
  const orderId = order.id;
  const { shard, receiver: r } = order;
  const keys = { orderId, shard };
  const shipments = order.subOrders.flatMap((sub) => sub.shipments.map((sh) => ({ sub, sh })));
  return {
    orders: [
      {
        ...order,
        ...fen(order.amounts),
        receiverName: r.name,
        receiverPhone: encrypted(r.phone),
        receiverProvince: r.province,
        receiverCity: r.city,
        receiverDistrict: r.district,
        receiverAddress: encrypted(r.address),
        ...receiverIndexes(r),
      },
    ],
    sub_orders: order.subOrders.map((s) => ({
      ...s,
      ...keys,
      ...fen(s.amounts),
      warehouseId: s.warehouse?.id,
    })),
    order_lines: order.lines.map((l) => ({
      ...l,
      ...keys,
      subOrderId: idOf(l.subOrder),
      lineAmountFen: l.alloc.lineAmount,
      allocFreightFen: l.alloc.freight,
      allocCouponFen: l.alloc.couponDiscount,
      allocPromotionFen: l.alloc.promotionDiscount,
      allocGiftCardFen: l.alloc.giftCard,
      allocGiftCards: l.alloc.giftCards,
      allocPointsFen: l.alloc.points,
      allocCashFen: l.alloc.cash,
    })),
    sub_order_warehouses: order.subOrders.flatMap((s) =>
      s.stays.map((w) => ({ ...w, ...keys, subOrderId: s.id, warehouseId: w.warehouse.id })),
    ),
    payments: order.payments.map((p) => ({ ...p, ...keys })),
    payment_logs: order.payments.flatMap((p) => p.logs.map((l) => ({ ...l, ...keys, paymentId: p.id }))),
    gift_card_usages: order.giftCardUsages.map((u) => ({ ...u, ...keys, reversalOfId: idOf(u.reversalOf) })),
    points_usages: order.pointsUsages.map((u) => ({ ...u, ...keys, reversalOfId: idOf(u.reversalOf) })),
    refunds: order.refunds.map((f) => ({
      ...f,
      ...keys,
      subOrderId: idOf(f.subOrder),
      paymentId: idOf(f.payment),
    })),
    shipments: shipments.map(({ sub, sh }) => ({
      ...sh,
      ...keys,
      subOrderId: sub.id,
      carrierCode: sh.carrier,
    })),
    logistics_events: shipments.flatMap(({ sh }) =>
      sh.events.map((e) => ({
        ...e,
        ...keys,
        shipmentId: sh.id,
        carrierCode: sh.carrier,
        trackingNumber: sh.trackingNumber,
        // A push reaches the OMS a few seconds after the carrier's scan.
        receivedAt: new Date(e.occurredAt.getTime() + 1_000 + ((e.id ?? 0) % 20) * 1_000),
      })),
    ),
    interceptions: order.interceptions.map((i) => ({ ...i, ...keys, subOrderId: idOf(i.subOrder) })),
    order_events: timeline(order).map((e) => ({
      ...e,
      ...keys,
      subOrderId: idOf(e.subOrder),
      actorType: e.actor.type,
      actorId: e.actor.id,
      actorName: e.actor.name,
      after: typeof e.after === 'function' ? e.after() : e.after,
    })),
    outbound_messages: order.outbound.map((m) => ({
      ...m,
      ...keys,
      subOrderId: m.subOrder.id,
      warehouseId: m.warehouse.id,
    })),
  };
}
