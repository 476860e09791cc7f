import {
  refundForCancelledLines,
  shipByDeadline,
  type InterceptionRule,
  type InterceptionStatus,
  type OrderSource,
  type OrderType,
  type PaymentMethod,
} from '@oms/schema';
import { screeningHold } from '@oms/server';
import { basket, type BasketKind } from './baskets.js';
import { MINUTE } from './clock.js';
import { CLIENTS, STAFF, SYSTEM, type SeedContext } from './context.js';
import { cancelNow } from './cancel.js';
import { raiseHold, screen, settleHold, type ScreeningExtras } from './holds.js';
import type { OrderDraft, SubOrderDraft } from './model.js';
import { coversPayable, payCash, payCod, takeStoredValue } from './payments.js';
import { refund, settleRefunds } from './refunds.js';
import type { Customer, Receiver } from './people.js';
import { splitOrder, type SoldOut } from './split.js';
import { OrderStory, type RefundTrouble } from './story.js';
import { walk, type SubTarget } from './walk.js';

/** How far an order's own strand goes (the parent's end states of docs/domain.md §3). */
export type OrderEnd = 'UNPAID' | 'CLOSED' | 'CANCELLED_UNPAID' | 'CANCELLED_PAID' | 'PAID' | 'SPLIT';

/** One story, as a scenario describes it. */
export interface JourneyPlan {
  readonly basket: BasketKind;
  readonly end: OrderEnd;
  readonly source?: OrderSource;
  readonly type?: OrderType;
  readonly customer?: Customer;
  readonly receiver?: Receiver;
  readonly cod?: boolean;
  /** Gift cards and points allowed (default yes). */
  readonly storedValue?: boolean;
  /** See `basket`: the scalper's quantity, or the least goods amount of a high-value cart. */
  readonly basketParam?: number;
  /** A staff hold put on the unpaid order (docs/api.md "Holds before payment"). */
  readonly prepayHold?: boolean;
  /** A screening hit after the split, and how the hold ended. */
  readonly hold?: {
    readonly rule: Exclude<InterceptionRule, 'MANUAL'>;
    readonly outcome: InterceptionStatus;
  };
  readonly screening?: ScreeningExtras;
  readonly soldOut?: SoldOut;
  /** The story's first refund is refused by its channel (and maybe sent again by ops). */
  readonly refundTrouble?: RefundTrouble;
  readonly target?: (sub: SubOrderDraft, index: number) => SubTarget;
}

const NOTES = [
  { text: '客户来电催发货，已安抚并登记加急', visible: false },
  { text: '客户要求开具公司抬头发票，已备注', visible: false },
  { text: '已为您加急处理，请耐心等待', visible: true },
  { text: '客户反馈外包装破损，已登记跟进', visible: false },
  { text: '您反馈的问题已处理，如有疑问请联系客服', visible: true },
];

function cashMethod(story: OrderStory): Exclude<PaymentMethod, 'GIFT_CARD' | 'POINTS' | 'COD'> {
  const offline = story.order.source === 'OFFLINE_STORE';
  return story.ctx.rng.weighted([
    ['WECHAT_PAY', offline ? 35 : 45],
    ['ALIPAY', 35],
    ['UNIONPAY', offline ? 15 : 8],
    ['BANK_CARD', offline ? 15 : 7],
  ] as const);
}

/** Cancels the unsplit order (PENDING_PAYMENT or PAID → CANCELLED) and refunds everything taken. */
function cancelOrder(story: OrderStory): void {
  const { rng } = story.ctx;
  const byAgent = rng.chance(0.4);
  const actor = byAgent ? STAFF.agent : story.client;
  const reason = byAgent
    ? '客户来电取消：收货地址填错'
    : rng.pick(['用户取消：不想买了', '用户取消：重复下单', '用户取消：找到更便宜的']);
  story.orderEvent('CANCEL', {}, actor, story.clock.advance(1, 20), {}, reason);
  const all = story.order.lines.map((_, i) => i);
  refund(
    story,
    null,
    refundForCancelledLines(
      story.order.lines.map((l) => l.alloc),
      all,
    ),
    reason,
    actor,
    story.clock,
  );
}

/** Every sub-order still at a warehouse past its SLA gets `lateMinutes`, as the SLA job computes it (docs/domain.md §8). */
function flagLate(story: OrderStory, sub: SubOrderDraft): void {
  const { ctx, order } = story;
  const open = ['DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED'].includes(sub.status);
  if (!open || !sub.warehouse || !order.paidAt) return;
  const deadline =
    sub.status === 'DISPATCHED'
      ? sub.dispatchedAt!.getTime() + sub.warehouse.slaAcceptMinutes * MINUTE
      : shipByDeadline(order.paidAt.getTime(), sub.warehouse.cutoffMinute);
  if (deadline >= ctx.now) return;
  sub.lateMinutes = Math.floor((ctx.now - deadline) / MINUTE);
  const at = Math.min(Math.max(deadline, sub.statusSince.getTime()) + ctx.rng.int(1, 59) * 1000, ctx.limit);
  story.entry({ type: 'SLA_BREACHED', actor: SYSTEM.sla, at: new Date(at), sub, after: { lateMinutes: 1 } });
}

function afterSplit(story: OrderStory, plan: JourneyPlan): void {
  const { order } = story;
  const subs = splitOrder(story, plan.soldOut);
  const hits = screen(story, plan.screening);
  if (plan.hold) {
    if (hits[0]?.rule !== plan.hold.rule)
      throw new Error(
        `seed ${plan.hold.rule} story screens as ${hits.map((h) => h.rule).join(', ') || 'clean'}`,
      );
    // The one hold the server's screening raises for these hits (services/helpers/holds.ts screeningHold).
    const request = screeningHold(hits, story.ctx.rollbackMinutes)!;
    const hold = raiseHold(story, { ...request, sub: null, at: story.clock.advance(0.001, 0.01) });
    const { outcome } = plan.hold;
    if (outcome === 'ACTIVE') return;
    if (outcome === 'EXPIRED')
      settleHold(
        story,
        hold,
        'EXPIRED',
        SYSTEM.rollback,
        'rollback period over: released by default',
        story.clock,
      );
    else
      settleHold(
        story,
        hold,
        outcome,
        STAFF.manager,
        outcome === 'RELEASED' ? '已电话核实为本人下单，放行' : '核实为风险订单，取消并退款',
        story.clock,
      );
    if (outcome === 'CANCELLED_ORDER') {
      for (const sub of subs) cancelNow(story, sub, story.clock.fork(), STAFF.manager);
      return;
    }
    // Dispatch is queued only now that the hold is gone.
    for (const sub of subs) sub.statusSince = story.clock.now;
  } else if (hits.length > 0) {
    throw new Error(
      `seed order ${order.number} would be held by ${hits[0]!.rule}; its story did not ask for it`,
    );
  }
  subs.forEach((sub, i) => {
    walk(story, sub, plan.target?.(sub, i) ?? { status: 'DELIVERED' }, story.clock.fork());
    flagLate(story, sub);
  });
}

/** Builds one order by walking it through its story; returns its draft, ready to write. */
export function journey(ctx: SeedContext, createdAt: number, plan: JourneyPlan): OrderDraft {
  const { rng, people } = ctx;
  const customer = plan.customer ?? people.regular();
  const story = new OrderStory(ctx, {
    customer,
    receiver: plan.receiver ?? people.receiverFor(customer),
    source: plan.source ?? 'SELF_OPERATED',
    type: plan.type ?? 'NORMAL',
    cart: basket(rng, plan.basket, plan.basketParam),
    pricing: { storedValue: plan.storedValue ?? true, discounts: true },
    createdAt,
  });
  takeStoredValue(story);
  story.refundTrouble = plan.refundTrouble ?? null;
  const { clock, order } = story;
  if (plan.prepayHold) {
    const at = clock.advance(1, 5);
    story.orderEvent('INTERCEPT', { held: false }, STAFF.agent, at);
    raiseHold(story, {
      rule: 'MANUAL',
      reason: '客户来电：付款前暂停，待核实收货人',
      evidence: { raisedBy: STAFF.agent.id, ticket: `CS${rng.digits(10)}`, note: '收货人电话与下单人不一致' },
      actor: STAFF.agent,
      sub: null,
      at,
    });
  }
  if (plan.end === 'CLOSED') {
    const at = clock.waitUntil(
      order.createdAt.getTime() + (ctx.paymentWindowMinutes + rng.between(0.1, 1)) * MINUTE,
    );
    story.orderEvent('EXPIRE_PAYMENT_WINDOW', { paymentWindowOver: true }, SYSTEM.paymentWindow, at, {
      windowMinutes: ctx.paymentWindowMinutes,
    });
    refund(
      story,
      null,
      refundForCancelledLines(
        order.lines.map((l) => l.alloc),
        order.lines.map((_, i) => i),
      ),
      'payment window ran out',
      SYSTEM.paymentWindow,
      clock,
    );
  } else if (plan.end === 'CANCELLED_UNPAID') {
    cancelOrder(story);
  } else if (plan.end !== 'UNPAID') {
    const paidAt = clock.advance(0.5, Math.max(1, Math.min(15, ctx.paymentWindowMinutes - 1)));
    if (plan.cod && order.amounts.payable > 0) payCod(story, paidAt);
    else payCash(story, cashMethod(story), paidAt);
    story.orderEvent('PAY', { paymentsCoverPayable: coversPayable(story) }, CLIENTS[order.source], paidAt);
    if (plan.end === 'CANCELLED_PAID') cancelOrder(story);
    if (plan.end === 'SPLIT') afterSplit(story, plan);
  }
  if (rng.chance(0.08)) {
    const note = rng.pick(NOTES);
    const span = order.updatedAt.getTime() - order.createdAt.getTime();
    const at = new Date(order.createdAt.getTime() + Math.max(1_000, Math.floor(span * rng.between(0.3, 1))));
    story.entry({
      type: 'NOTE_ADDED',
      actor: rng.pick([STAFF.agent, STAFF.ops]),
      at,
      after: { text: note.text, customerVisible: note.visible },
      visible: note.visible,
    });
  }
  settleRefunds(order);
  return order;
}
