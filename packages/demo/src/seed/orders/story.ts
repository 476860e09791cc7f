import {
  assertTransition,
  isFinalFulfilment,
  shardForCustomer,
  type OrderSource,
  type OrderType,
  type StrandEvents,
  type TransitionFacts,
  type TransitionRow,
} from '@oms/schema';
import type { Actor } from '@oms/server';
import type { BasketLine } from './baskets.js';
import { StoryClock, shanghaiDate } from './clock.js';
import { CLIENTS, type SeedContext } from './context.js';
import { priceOrder, type PricedOrder, type PricingOptions } from './money.js';
import type { EventDraft, OrderDraft, SubOrderDraft } from './model.js';
import type { Customer, Receiver } from './people.js';
import { orderExtras } from './extras.js';

/** What an order starts from. */
export interface OrderInit {
  readonly customer: Customer;
  readonly receiver: Receiver;
  readonly source: OrderSource;
  readonly type: OrderType;
  readonly cart: readonly BasketLine[];
  readonly pricing: PricingOptions;
  readonly createdAt: number;
}

/** A refund its channel refuses: left FAILED for ops, or sent again by ops and then refunded. */
export type RefundTrouble = 'REFUSED' | 'REFUSED_THEN_RETRIED';

/** One timeline entry to add (the shape of services/helpers/history.ts `recordOrderEvent`). */
export interface EntryInput {
  readonly type: string;
  readonly actor: Actor;
  readonly at: Date;
  readonly sub?: SubOrderDraft | null;
  readonly reason?: string | null;
  readonly before?: object | null;
  readonly after?: EventDraft['after'];
  readonly visible?: boolean;
}

/**
 * One order being walked through its life. Every status change goes through the transition table of
 * packages/schema with the facts the server would supply (assertTransition throws on anything the table forbids),
 * and writes the same timeline entry the server's status writers write; the story's clock only moves forward.
 */
export class OrderStory {
  readonly order: OrderDraft;
  readonly clock: StoryClock;
  readonly priced: PricedOrder;
  readonly client: Actor;
  /**
   * How the channel answers this story's next refund (its first cash part, else its first part), for the stories of a
   * refused refund; null: as usual. Used once (refunds.ts).
   */
  refundTrouble: RefundTrouble | null = null;

  constructor(
    readonly ctx: SeedContext,
    init: OrderInit,
  ) {
    const { rng } = ctx;
    this.clock = new StoryClock(init.createdAt, ctx.limit, rng);
    this.priced = priceOrder(rng, init.cart, init.pricing);
    this.client = CLIENTS[init.source];
    const shard = shardForCustomer(init.customer.id);
    const createdAt = new Date(init.createdAt);
    const merchant = this.priced.lines.find((l) => l.merchantId)?.merchantId;
    const serial = String(++ctx.serial).padStart(7, '0');
    const extras = orderExtras(rng, init.source, merchant ?? null);
    this.order = {
      number: ctx.numbers.order(init.type, shard),
      shard,
      source: init.source,
      externalId: `DEMO-${init.source === 'SELF_OPERATED' ? 'SO' : init.source === 'THIRD_PARTY' ? 'TP' : 'POS'}-${shanghaiDate(init.createdAt)}-${serial}`,
      type: init.type,
      channel: extras.channel,
      status: 'PENDING_PAYMENT',
      version: 1,
      ownerId: init.source === 'THIRD_PARTY' && merchant ? merchant : 'RETAILER',
      customerId: init.customer.id,
      customerNickname: init.customer.nickname,
      customerRegisteredAt: init.customer.registeredAt,
      receiver: init.receiver,
      deliveryPreference: extras.deliveryPreference,
      invoice: extras.invoice,
      remark: extras.remark,
      promotions: this.priced.promotions,
      ext: extras.ext,
      amounts: this.priced.amounts,
      held: false,
      createdAt,
      paidAt: null,
      updatedAt: createdAt,
      lines: this.priced.lines,
      subOrders: [],
      payments: [],
      giftCardUsages: [],
      pointsUsages: [],
      refunds: [],
      interceptions: [],
      events: [],
      outbound: [],
    };
    this.entry({
      type: 'ORDER_CREATED',
      actor: this.client,
      at: createdAt,
      after: { status: 'PENDING_PAYMENT' },
      visible: true,
    });
  }

  /** Adds a timeline entry (customer-invisible unless said otherwise). */
  entry(input: EntryInput): void {
    this.order.events.push({
      subOrder: input.sub ?? null,
      type: input.type,
      at: input.at,
      actor: input.actor,
      reason: input.reason ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      customerVisible: input.visible ?? false,
    });
    if (input.at > this.order.updatedAt) this.order.updatedAt = input.at;
  }

  /** An event of the order strand, like services/helpers/transitions.ts applyOrderEvent. */
  orderEvent(
    event: StrandEvents['ORDER'],
    facts: TransitionFacts,
    actor: Actor,
    at: Date,
    details: Record<string, unknown> = {},
    reason: string | null = null,
  ): void {
    const { from, to } = assertTransition('ORDER', this.order.status, event, facts);
    this.order.status = to;
    this.order.version += 1;
    if (to === 'PAID') this.order.paidAt = at;
    if (from !== to) {
      this.entry({
        type: 'STATUS_CHANGED',
        actor,
        at,
        reason,
        before: { status: from },
        after: { status: to, ...details },
        visible: true,
      });
    }
  }

  /** An event of the fulfilment strand, like services/helpers/transitions.ts applySubOrderEvent. */
  subEvent(
    sub: SubOrderDraft,
    event: StrandEvents['FULFILMENT'],
    facts: TransitionFacts,
    actor: Actor,
    at: Date,
    details: Record<string, unknown> = {},
    reason: string | null = null,
  ): TransitionRow<'FULFILMENT'> {
    const row = assertTransition('FULFILMENT', sub.status, event, facts);
    if (row.to === 'DISPATCHED') {
      sub.dispatchedAt = at;
      sub.dispatchState = 'ACKNOWLEDGED';
    }
    if (row.to === 'SHIPPED') sub.shippedAt = at;
    if (isFinalFulfilment(row.to)) sub.finishedAt = at;
    if (row.effects.includes('CLEAR_CANCEL_REQUEST')) sub.cancelRequestedAt = null;
    sub.status = row.to;
    sub.version += 1;
    sub.updatedAt = at;
    this.order.version += 1;
    if (row.from !== row.to) {
      sub.statusSince = at;
      this.entry({
        type: 'STATUS_CHANGED',
        actor,
        at,
        sub,
        reason,
        before: { status: row.from },
        after: { status: row.to, ...details },
        visible: true,
      });
    }
    return row;
  }
}
