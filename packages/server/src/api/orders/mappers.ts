import { carrierByCode, maskCardNumber, type LogisticsNode } from '@oms/schema';
import type {
  GiftCardUsageEntity,
  InterceptionEntity,
  LogisticsEventEntity,
  OrderEventEntity,
  OrderLineEntity,
  PaymentEntity,
  PaymentLogEntity,
  PointsUsageEntity,
  RefundEntity,
  ShipmentEntity,
} from '../../entities/index.js';
import { money } from '../common/money.type.js';
import type { InterceptionType } from './interception.type.js';
import type { OrderEventType } from './order-event.type.js';
import type { OrderLineType } from './order-line.type.js';
import type { GiftCardUsageType, PaymentType, PointsUsageType, RefundType } from './payment.type.js';
import type { LogisticsEventType, ShipmentType } from './shipment.type.js';

/** Sub-order numbers by id, to name them in lines, refunds and timeline entries. */
export type SubOrderNumbers = ReadonlyMap<string, string>;

/** An order line as the API shows it. */
export function toLine(line: OrderLineEntity, numbers: SubOrderNumbers): OrderLineType {
  return {
    id: line.id,
    lineRef: line.lineRef,
    sku: line.sku,
    title: line.title,
    imageUrl: line.imageUrl,
    quantity: line.quantity,
    listPrice: money(line.listPriceFen),
    salePrice: money(line.salePriceFen),
    lineAmount: money(line.lineAmountFen),
    attributes: line.attributes,
    merchantId: line.merchantId,
    promotionIds: line.promotionIds,
    giftFor: line.giftFor,
    splitGroup: line.splitGroup,
    subOrderNumber: line.subOrderId ? (numbers.get(line.subOrderId) ?? null) : null,
    allocations: {
      couponDiscount: money(line.allocCouponFen),
      promotionDiscount: money(line.allocPromotionFen),
      giftCard: money(line.allocGiftCardFen),
      points: money(line.allocPointsFen),
      freight: money(line.allocFreightFen),
      cash: money(line.allocCashFen),
    },
  };
}

/** A payment with its log. */
export function toPayment(payment: PaymentEntity, logs: readonly PaymentLogEntity[]): PaymentType {
  return {
    id: payment.id,
    method: payment.method,
    amount: money(payment.amountFen),
    status: payment.status,
    transactionNo: payment.transactionNo,
    paidAt: payment.paidAt,
    logs: logs
      .filter((log) => log.paymentId === payment.id)
      .map((log) => ({ status: log.status, at: log.at, reference: log.reference })),
  };
}

/** A gift-card usage, card number masked. */
export function toGiftCardUsage(usage: GiftCardUsageEntity): GiftCardUsageType {
  return {
    id: usage.id,
    cardNumber: maskCardNumber(usage.cardNumber),
    amount: money(usage.amountFen),
    balanceAfter: money(usage.balanceAfterFen),
    at: usage.at,
    reversal: usage.reversalOfId !== null,
  };
}

/** A points usage. */
export function toPointsUsage(usage: PointsUsageEntity): PointsUsageType {
  return {
    id: usage.id,
    points: usage.points,
    value: money(usage.valueFen),
    balanceAfter: usage.balanceAfter,
    at: usage.at,
    reversal: usage.reversalOfId !== null,
  };
}

/** A refund. */
export function toRefund(
  refund: RefundEntity,
  orderNumber: string,
  numbers: SubOrderNumbers,
  payments: readonly Pick<PaymentEntity, 'id' | 'transactionNo'>[],
): RefundType {
  const payment = payments.find((p) => p.id === refund.paymentId);
  return {
    id: refund.id,
    method: refund.method,
    amount: money(refund.amountFen),
    status: refund.status,
    reason: refund.reason,
    attempt: refund.attempt,
    channelRefundNo: refund.channelRefundNo,
    failureReason: refund.failureReason,
    deliveryState: refund.deliveryState,
    lastError: refund.lastError,
    settledOffline: refund.settledOffline,
    createdAt: refund.createdAt,
    settledAt: refund.settledAt,
    payment: payment ? { id: payment.id, transactionNo: payment.transactionNo } : null,
    subOrderNumber: refund.subOrderId ? (numbers.get(refund.subOrderId) ?? null) : null,
    orderNumber,
  };
}

/** An interception, naming the order and sub-order it holds. */
export function toInterception(
  row: InterceptionEntity,
  orderNumber: string,
  numbers: SubOrderNumbers,
): InterceptionType {
  return {
    id: row.id,
    rule: row.rule,
    reason: row.reason,
    evidence: row.evidence,
    status: row.status,
    raisedBy: row.raisedBy,
    raisedAt: row.raisedAt,
    expiresAt: row.expiresAt,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    note: row.note,
    orderNumber,
    subOrderNumber: row.subOrderId ? (numbers.get(row.subOrderId) ?? null) : null,
    amount: money(row.amountFen),
  };
}

/** A timeline entry. */
export function toOrderEvent(event: OrderEventEntity, numbers: SubOrderNumbers): OrderEventType {
  return {
    id: event.id,
    type: event.type,
    at: event.at,
    actor: event.actorId,
    actorType: event.actorType,
    actorName: event.actorName,
    reason: event.reason,
    subOrderNumber: event.subOrderId ? (numbers.get(event.subOrderId) ?? null) : null,
    before: event.before,
    after: event.after,
    customerVisible: event.customerVisible,
  };
}

/** A parcel with its tracking entries, oldest first. */
export function toShipment(shipment: ShipmentEntity, events: readonly LogisticsEventEntity[]): ShipmentType {
  const carrier = carrierByCode(shipment.carrierCode);
  return {
    id: shipment.id,
    carrier: carrier ?? { code: shipment.carrierCode, name: shipment.carrierCode, kuaidi100Code: '' },
    trackingNumber: shipment.trackingNumber,
    node: shipment.node,
    shippedAt: shipment.shippedAt,
    events: events.filter((e) => e.shipmentId === shipment.id).map(toLogisticsEvent),
  };
}

function toLogisticsEvent(event: LogisticsEventEntity): LogisticsEventType {
  return {
    id: event.id,
    node: event.node as LogisticsNode | null,
    rawState: event.rawState,
    context: event.context,
    location: event.areaName,
    at: event.occurredAt,
    customerVisible: event.customerVisible,
  };
}
