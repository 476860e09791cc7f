import type { TFunction } from 'i18next';
import { enumLabel } from '../enumLabel';
import { fenToYuan, formatMoney } from '../money';

/** What the wording of an order event needs. */
export interface OrderEventWordingInput {
  readonly type: string;
  readonly subOrderNumber: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** What the wording of a carrier event needs. */
export interface LogisticsEventWordingInput {
  readonly node: string | null;
}

function field(json: unknown, key: string): string | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  const value = (json as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function amount(json: unknown): string {
  const fen = Number(field(json, 'amountFen'));
  return Number.isSafeInteger(fen) ? formatMoney({ yuan: fenToYuan(fen) }) : '';
}

/** A refund's instrument and amount, from the details every refund entry carries (`method`, `amountFen`). */
function refundOf(t: TFunction, json: unknown): { method: string; amount: string } {
  return { method: enumLabel(t, 'paymentMethod', field(json, 'method') ?? ''), amount: amount(json) };
}

/** The refunds a REFUNDS_CREATED entry lists (`after.refunds`), each as its instrument and amount. */
function refundList(t: TFunction, json: unknown): string[] {
  const refunds =
    json !== null && typeof json === 'object' ? (json as { refunds?: unknown }).refunds : undefined;
  if (!Array.isArray(refunds)) return [];
  return refunds.map((refund: unknown) => {
    const { method, amount } = refundOf(t, refund);
    return `${method} ${amount}`.trim();
  });
}

type Say = (key: string, options?: Record<string, unknown>) => string;

/** Kinds worded by one fixed sentence (`event.<TYPE>` in the dictionaries). */
const SIMPLE_EVENTS: ReadonlySet<string> = new Set([
  'ORDER_CREATED',
  'OUT_OF_STOCK',
  'INTERCEPTION_RELEASED',
  'INTERCEPTION_CANCELLED_ORDER',
  'INTERCEPTION_EXPIRED',
  'DISPATCH_DEAD_LETTERED',
  'SHIPPED',
  'PERSONAL_DATA_REVEALED',
  'NOTE_ADDED',
  'WMS_ACCEPTED',
  'WMS_PICKING',
  'WMS_PACKED',
  'WMS_SHIPPED',
  'OLD_WAREHOUSE_PROGRESS_EXCEPTION',
]);

/**
 * The one wording table of the order timeline (Saleor's `getEventMessage`): a sentence for each kind of
 * OrderEvent, from the dictionary of the current language. Kinds it does not know yet show their code.
 */
export function getEventMessage(event: OrderEventWordingInput, t: TFunction): string {
  const say = t as unknown as Say;
  const { type, before, after } = event;
  switch (type) {
    case 'STATUS_CHANGED': {
      const group = event.subOrderNumber ? 'fulfilmentStatus' : 'orderStatus';
      const from = field(before, 'status');
      const to = field(after, 'status') ?? '';
      return say(event.subOrderNumber ? 'event.STATUS_CHANGED_SUB_ORDER' : 'event.STATUS_CHANGED_ORDER', {
        from: from ? enumLabel(t, group, from) : '—',
        to: enumLabel(t, group, to),
      });
    }
    case 'SUB_ORDER_CREATED': {
      const warehouse = field(after, 'warehouseCode');
      return warehouse
        ? say('event.SUB_ORDER_CREATED', { warehouse })
        : say('event.SUB_ORDER_CREATED_NO_WAREHOUSE');
    }
    case 'DISPATCHED':
      return say('event.DISPATCHED', { warehouse: field(after, 'warehouseCode') ?? '' });
    case 'INTERCEPTED':
      return say('event.INTERCEPTED', { rule: enumLabel(t, 'interceptionRule', field(after, 'rule') ?? '') });
    case 'LATE_PAYMENT_REFUNDED':
      return say('event.LATE_PAYMENT_REFUNDED', { amount: amount(after) });
    case 'REFUNDS_CREATED': {
      const refunds = refundList(t, after);
      return refunds.length > 0
        ? say('event.REFUNDS_CREATED', { refunds: refunds.join(say('common.listSeparator')) })
        : say('event.REFUNDS_CREATED_NONE');
    }
    case 'REFUND_SUCCEEDED': {
      const channelRefundNo = field(after, 'channelRefundNo');
      return channelRefundNo
        ? say('event.REFUND_SUCCEEDED_WITH_NO', { ...refundOf(t, after), channelRefundNo })
        : say('event.REFUND_SUCCEEDED', refundOf(t, after));
    }
    case 'REFUND_FAILED':
    case 'REFUND_RETRIED':
    case 'REFUND_DEAD_LETTERED':
      return say(`event.${type}`, { ...refundOf(t, after), attempt: field(after, 'attempt') ?? '—' });
    case 'REFUND_SETTLED_OFFLINE':
      return say('event.REFUND_SETTLED_OFFLINE', {
        ...refundOf(t, after),
        reference: field(after, 'reference') ?? '—',
      });
    case 'INTERCEPTION_WAITING':
      return say('event.INTERCEPTION_WAITING', {
        rule: enumLabel(t, 'interceptionRule', field(after, 'rule') ?? ''),
      });
    case 'SHIPPED_TRACKING_NUMBER_TAKEN':
      return say('event.SHIPPED_TRACKING_NUMBER_TAKEN', {
        trackingNumber: field(after, 'trackingNumber') ?? '—',
        other: field(after, 'subOrderNumber') ?? '—',
      });
    case 'REFUND_ANSWER_IGNORED':
      return say('event.REFUND_ANSWER_IGNORED', {
        answer: enumLabel(t, 'refundAnswer', field(after, 'answer') ?? ''),
        why: enumLabel(t, 'refundAnswerOutcome', field(after, 'outcome') ?? ''),
      });
  }
  if (type.startsWith('PAYMENT_')) {
    return say('event.PAYMENT', {
      status: enumLabel(t, 'paymentStatus', type.slice('PAYMENT_'.length)),
      method: enumLabel(t, 'paymentMethod', field(after, 'method') ?? ''),
      amount: amount(after),
    });
  }
  if (/^WMS_[A-Z_]+_IGNORED$/.test(type)) {
    return say('event.WMS_IGNORED', {
      callback: field(after, 'callback') ?? type.slice(4, -'_IGNORED'.length),
      status: enumLabel(t, 'fulfilmentStatus', field(after, 'currentStatus') ?? ''),
    });
  }
  return SIMPLE_EVENTS.has(type) ? say(`event.${type}`) : say('event.unknown', { type });
}

/** The headline of a carrier event: its logistics node. */
export function getLogisticsMessage(event: LogisticsEventWordingInput, t: TFunction): string {
  const say = t as unknown as Say;
  return event.node
    ? say('event.LOGISTICS', { node: enumLabel(t, 'logisticsNode', event.node) })
    : say('event.LOGISTICS_NO_NODE');
}
