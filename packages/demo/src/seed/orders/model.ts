import type {
  CarrierCode,
  DispatchState,
  FulfilmentStatus,
  InterceptionRule,
  InterceptionStatus,
  InvoiceType,
  LineAllocation,
  LineAttribute,
  LogisticsNode,
  OrderAmounts,
  OrderSource,
  OrderStatus,
  OrderType,
  PaymentMethod,
  PaymentStatus,
  Region,
  RefundDeliveryState,
  RefundStatus,
  WarehouseCapability,
} from '@oms/schema';
import type { Actor, OutboundStatus, OutboundType } from '@oms/server';
import type { Receiver } from './people.js';

/**
 * The in-memory drafts of one order and everything under it. Rows reference each other by object, not by id: the
 * writer leases ids for a whole batch from the tables' identity sequences and fills `id` in before inserting, so a
 * story can be built without a round trip per row.
 */
export interface Row {
  id?: number;
}

export interface WarehouseInfo {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly region: Region;
  readonly province: string;
  readonly city: string;
  readonly capabilities: readonly WarehouseCapability[];
  readonly slaAcceptMinutes: number;
  /** The daily cut-off in minutes after midnight Asia/Shanghai. */
  readonly cutoffMinute: number;
}

export interface LineDraft extends Row {
  readonly lineNo: number;
  readonly lineRef: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly listPriceFen: number;
  readonly salePriceFen: number;
  readonly attributes: readonly LineAttribute[];
  readonly merchantId: string | null;
  promotionIds: string[];
  readonly giftFor: string | null;
  readonly splitGroup: string | null;
  alloc: LineAllocation;
  subOrder: SubOrderDraft | null;
}

export interface StayDraft extends Row {
  readonly warehouse: WarehouseInfo;
  readonly assignedAt: Date;
  releasedAt: Date | null;
  readonly reason: string;
}

export interface LogisticsEventDraft extends Row {
  readonly rawState: string;
  readonly node: LogisticsNode;
  readonly context: string;
  readonly areaName: string | null;
  readonly occurredAt: Date;
  readonly customerVisible: boolean;
}

export interface ShipmentDraft extends Row {
  readonly carrier: CarrierCode;
  readonly trackingNumber: string;
  node: LogisticsNode | null;
  lastNormalNode: LogisticsNode | null;
  readonly shippedAt: Date;
  readonly events: LogisticsEventDraft[];
}

export interface SubOrderDraft extends Row {
  readonly number: string;
  status: FulfilmentStatus;
  version: number;
  warehouse: WarehouseInfo | null;
  readonly merchantId: string | null;
  dispatchState: DispatchState;
  held: boolean;
  outOfStock: boolean;
  cancelRequestedAt: Date | null;
  lateMinutes: number | null;
  readonly amounts: OrderAmounts;
  readonly lineIndexes: readonly number[];
  readonly createdAt: Date;
  updatedAt: Date;
  dispatchedAt: Date | null;
  shippedAt: Date | null;
  finishedAt: Date | null;
  readonly stays: StayDraft[];
  readonly shipments: ShipmentDraft[];
  /** When it entered its current status (for the SLA entry). */
  statusSince: Date;
}

export interface PaymentLogDraft extends Row {
  readonly status: PaymentStatus;
  readonly at: Date;
  readonly reference: string | null;
}

export interface PaymentDraft extends Row {
  readonly method: PaymentMethod;
  readonly amountFen: number;
  status: PaymentStatus;
  readonly transactionNo: string | null;
  paidAt: Date | null;
  readonly createdAt: Date;
  readonly logs: PaymentLogDraft[];
  /** Set for gift-card payments: the card's index in the order's card order (allocGiftCards). */
  readonly cardIndex: number | null;
  /** What refunds draw on it, pending or done (failed ones not counted), as the refund plan reads it. */
  refundedFen: number;
}

export interface GiftCardUsageDraft extends Row {
  readonly cardNumber: string;
  readonly amountFen: number;
  readonly balanceAfterFen: number;
  readonly at: Date;
  readonly reversalOf: GiftCardUsageDraft | null;
}

export interface PointsUsageDraft extends Row {
  readonly points: number;
  readonly valueFen: number;
  readonly balanceAfter: number;
  readonly at: Date;
  readonly reversalOf: PointsUsageDraft | null;
}

/** A moment of a refund's life after it was made, as its channel and ops moved it (refunds.ts settleRefunds). */
export interface RefundStep {
  readonly kind: 'CREATED' | 'FAILED' | 'RETRIED' | 'SUCCEEDED';
  readonly at: Date;
}

/**
 * A refund as it stands at the end of its story, with the columns the product's own refunds carry
 * (services/helpers/refunds.ts createRefunds, services/refunds/refunds.service.ts): the payment it draws on, its
 * attempt and that attempt's eventId, delivered (SENT) and answered.
 */
export interface RefundDraft extends Row {
  readonly subOrder: SubOrderDraft | null;
  readonly payment: PaymentDraft;
  readonly method: PaymentMethod;
  readonly amountFen: number;
  readonly status: RefundStatus;
  readonly reason: string;
  readonly attempt: number;
  readonly eventId: string;
  readonly deliveryState: RefundDeliveryState;
  readonly deliveryAttempts: number;
  readonly channelRefundNo: string | null;
  readonly failureReason: string | null;
  readonly settledOffline: boolean;
  /** GIFT_CARD: the card the money goes back to. */
  readonly cardNumber: string | null;
  /** POINTS: the points that go back to the account. */
  readonly points: number | null;
  readonly createdAt: Date;
  readonly settledAt: Date | null;
  /** Its life in time order, from CREATED: replayed onto its payment's status and logs and the card or account. */
  readonly steps: readonly RefundStep[];
}

export interface InterceptionDraft extends Row {
  readonly subOrder: SubOrderDraft | null;
  readonly rule: InterceptionRule;
  readonly reason: string;
  readonly evidence: Record<string, unknown>;
  status: InterceptionStatus;
  readonly raisedBy: string;
  readonly raisedAt: Date;
  readonly expiresAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  note: string | null;
  readonly amountFen: number;
}

export interface EventDraft extends Row {
  readonly subOrder: SubOrderDraft | null;
  readonly type: string;
  readonly at: Date;
  readonly actor: Actor;
  readonly reason: string | null;
  readonly before: object | null;
  /** A function when it names ids that exist only once the writer has leased them. */
  readonly after: object | (() => object) | null;
  readonly customerVisible: boolean;
}

export interface OutboundDraft extends Row {
  readonly eventId: string;
  readonly subOrder: SubOrderDraft;
  readonly warehouse: WarehouseInfo;
  readonly seq: number;
  readonly type: OutboundType;
  readonly reason: string | null;
  status: OutboundStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

export interface OrderDraft extends Row {
  readonly number: string;
  readonly shard: number;
  readonly source: OrderSource;
  readonly externalId: string;
  readonly type: OrderType;
  readonly channel: string;
  status: OrderStatus;
  version: number;
  readonly ownerId: string;
  readonly customerId: string;
  readonly customerNickname: string;
  readonly customerRegisteredAt: Date;
  readonly receiver: Receiver;
  readonly deliveryPreference: string | null;
  readonly invoice: { type: InvoiceType; title: string; taxId: string | null } | null;
  readonly remark: string | null;
  readonly promotions: { id: string; thresholdFen: number | null; discountFen: number }[];
  readonly ext: Record<string, unknown>;
  readonly amounts: OrderAmounts;
  held: boolean;
  readonly createdAt: Date;
  paidAt: Date | null;
  updatedAt: Date;
  readonly lines: LineDraft[];
  readonly subOrders: SubOrderDraft[];
  readonly payments: PaymentDraft[];
  readonly giftCardUsages: GiftCardUsageDraft[];
  readonly pointsUsages: PointsUsageDraft[];
  readonly refunds: RefundDraft[];
  readonly interceptions: InterceptionDraft[];
  readonly events: EventDraft[];
  readonly outbound: OutboundDraft[];
}
