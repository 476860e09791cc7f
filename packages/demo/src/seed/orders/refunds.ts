import {
  CASH_METHODS,
  paidByInstrument,
  planInstrumentRefund,
  type InstrumentAmounts,
  type RefundStatus,
} from '@oms/schema';
import { paymentStatusFromRefunds, type Actor } from '@oms/server';
import { channelRefundNo, REFUND_FAILURE_REASONS, type RefundMethod } from '../../payment-channels.js';
import type { StoryClock } from './clock.js';
import { STAFF, uniqueValue } from './context.js';
import type { OrderDraft, PaymentDraft, RefundDraft, RefundStep, SubOrderDraft } from './model.js';
import type { OrderStory, RefundTrouble } from './story.js';

/** How long each channel takes to answer a refund, in minutes (stored value at once, cards and banks slower). */
const ANSWER_MINUTES: Readonly<Record<RefundMethod, readonly [number, number]>> = {
  GIFT_CARD: [0.02, 0.2],
  POINTS: [0.02, 0.2],
  ALIPAY: [0.05, 2],
  WECHAT_PAY: [0.05, 2],
  UNIONPAY: [1, 30],
  BANK_CARD: [1, 30],
};

/** Why ops send a refused refund again. */
const RETRY_REASONS = [
  '客户已更换收款账户，重新发起退款',
  '已联系客户解除账户冻结，重新退款',
  '与渠道核实后重新发起退款',
];

/** One refund to make: how much goes back to which payment (services/helpers/refunds.ts RefundPart). */
interface Part {
  readonly payment: PaymentDraft;
  readonly amountFen: number;
  readonly cardNumber?: string;
  readonly points?: number;
}

const channelOf = (method: RefundDraft['method']): Actor => ({ type: 'PAYMENT', id: method });

/**
 * Refunds per instrument where packages/schema's refund plan sends them, as the server's refund helpers do: cash spread
 * over the payments that collected it (most recent first), each gift card's share back to that card, points back to
 * the account (at the rate the customer paid); cash nobody collected (an unpaid order's, cash on delivery before the
 * parcel is signed) is not refunded. Amounts come from the caller (refundForCancelledLines over the frozen
 * allocations). Each part is a refund of its own, made PENDING and answered by its channel a little later: SUCCEEDED
 * with the channel's serial, or, in the stories of a refused refund (`story.refundTrouble`), FAILED with the
 * channel's reason and left for ops, or sent again by ops as attempt 2 and then SUCCEEDED. Every step is on the
 * timeline as the product writes it; the payments' statuses and the reversals follow in settleRefunds.
 */
export function refund(
  story: OrderStory,
  sub: SubOrderDraft | null,
  amounts: InstrumentAmounts,
  reason: string,
  actor: Actor,
  clock: StoryClock,
): void {
  const { order } = story;
  const createdAt = clock.advance(0.05, 0.5);
  const latestOfCard = (cardNumber: string) =>
    order.giftCardUsages.filter((u) => u.cardNumber === cardNumber).at(-1)!;
  const cards = order.giftCardUsages
    .filter((usage) => usage.reversalOf === null)
    .map((usage) => ({
      cardNumber: usage.cardNumber,
      balanceAfterFen: latestOfCard(usage.cardNumber).balanceAfterFen,
      payment: order.payments.find(
        (p) => p.cardIndex !== null && story.priced.giftCards[p.cardIndex]!.cardNumber === usage.cardNumber,
      ),
    }));
  const spent = order.pointsUsages.find((usage) => usage.reversalOf === null);
  // Cash nobody collected is left out by the plan itself.
  const plan = planInstrumentRefund(amounts, paidByInstrument(order.lines.map((l) => l.alloc)), {
    cash: order.payments,
    cards,
    points: spent ? { ...spent, balanceAfter: order.pointsUsages.at(-1)!.balanceAfter } : null,
  });
  const pointsPayment = order.payments.find((p) => p.method === 'POINTS');
  const parts: Part[] = [
    ...plan.cash.map(({ payment, amountFen }) => ({ payment, amountFen })),
    ...plan.cards.flatMap(({ card, amountFen }) =>
      card.payment ? [{ payment: card.payment, amountFen, cardNumber: card.cardNumber }] : [],
    ),
    ...(plan.points && pointsPayment
      ? [{ payment: pointsPayment, amountFen: plan.points.valueFen, points: plan.points.points }]
      : []),
  ].filter((part) => part.amountFen > 0);
  if (parts.length === 0) return;
  // A whole order goes back payment by payment, in the order they were made (refundWholeOrder).
  if (!sub) parts.sort((a, b) => order.payments.indexOf(a.payment) - order.payments.indexOf(b.payment));
  const trouble = story.refundTrouble;
  story.refundTrouble = null;
  const troubled = trouble
    ? (parts.find((part) => CASH_METHODS.includes(part.payment.method)) ?? parts[0])
    : undefined;
  const made = parts.map((part) =>
    life(story, sub, part, reason, createdAt, clock.fork(), part === troubled ? trouble : null),
  );
  order.refunds.push(...made);
  story.entry({
    type: 'REFUNDS_CREATED',
    actor,
    at: createdAt,
    sub,
    reason,
    after: () => ({
      refunds: made.map((r) => ({ refundId: String(r.id), method: r.method, amountFen: r.amountFen })),
    }),
    visible: true,
  });
  clock.waitUntil(Math.max(...made.map((r) => r.steps.at(-1)!.at.getTime())));
}

/** One refund from its making to where its story leaves it, with its timeline entries. */
function life(
  story: OrderStory,
  sub: SubOrderDraft | null,
  part: Part,
  reason: string,
  createdAt: Date,
  clock: StoryClock,
  trouble: RefundTrouble | null,
): RefundDraft {
  const { rng } = story.ctx;
  const method = part.payment.method as RefundMethod;
  const answer = () => clock.advance(...ANSWER_MINUTES[method]);
  const steps: RefundStep[] = [{ kind: 'CREATED', at: createdAt }];
  const refusal = trouble ? rng.pick(REFUND_FAILURE_REASONS[method]) : null;
  const retryReason = trouble === 'REFUSED_THEN_RETRIED' ? rng.pick(RETRY_REASONS) : null;
  let eventId = rng.uuid();
  if (trouble) steps.push({ kind: 'FAILED', at: answer() });
  if (retryReason) {
    // Ops work through the failed refunds within hours; the retry is the next attempt, with an eventId of its own.
    steps.push({ kind: 'RETRIED', at: clock.advance(20, 8 * 60) });
    eventId = rng.uuid();
  }
  const settledAt = trouble === 'REFUSED' ? null : answer();
  if (settledAt) steps.push({ kind: 'SUCCEEDED', at: settledAt });
  const refundNo = settledAt
    ? uniqueValue(story.ctx, () => channelRefundNo(method, settledAt, (n) => rng.digits(n)))
    : null;
  // What the pending refund draws on the payment; a refused one, left FAILED, draws nothing.
  if (trouble !== 'REFUSED') part.payment.refundedFen += part.amountFen;
  const draft: RefundDraft = {
    subOrder: sub,
    payment: part.payment,
    method,
    amountFen: part.amountFen,
    status: settledAt ? 'SUCCEEDED' : 'FAILED',
    reason,
    attempt: retryReason ? 2 : 1,
    eventId,
    deliveryState: 'SENT',
    deliveryAttempts: 0,
    channelRefundNo: refundNo,
    failureReason: settledAt ? null : refusal,
    settledOffline: false,
    cardNumber: part.cardNumber ?? null,
    points: part.points ?? null,
    createdAt,
    settledAt,
    steps,
  };
  const named = (details: object) => () => ({
    refundId: String(draft.id),
    method,
    amountFen: draft.amountFen,
    ...details,
  });
  for (const step of steps) {
    if (step.kind === 'FAILED')
      story.entry({
        type: 'REFUND_FAILED',
        actor: channelOf(method),
        at: step.at,
        sub,
        reason: refusal,
        after: named({ attempt: 1 }),
      });
    if (step.kind === 'RETRIED')
      story.entry({
        type: 'REFUND_RETRIED',
        actor: STAFF.ops,
        at: step.at,
        sub,
        reason: retryReason,
        after: named({ attempt: 2 }),
      });
    if (step.kind === 'SUCCEEDED')
      story.entry({
        type: 'REFUND_SUCCEEDED',
        actor: channelOf(method),
        at: step.at,
        sub,
        after: named({ channelRefundNo: refundNo }),
        visible: true,
      });
  }
  return draft;
}

/**
 * The order's refunds replayed in time order onto what they change, as services/refunds/refund-settlement.ts does at
 * each step: the payment's status (REFUNDING while one of its refunds is pending, then REFUNDED or PARTIALLY_REFUNDED,
 * back to SUCCEEDED when its only pending refund failed) with a log entry for each change (carrying the channel's
 * serial when its answer caused it), and a gift card's or the points account's reversal when its refund is confirmed.
 * Called once the story is told.
 */
export function settleRefunds(order: OrderDraft): void {
  const steps = order.refunds
    .flatMap((refund) => refund.steps.map((step) => ({ refund, step })))
    .sort((a, b) => a.step.at.getTime() - b.step.at.getTime());
  const status = new Map<RefundDraft, RefundStatus>();
  for (const { refund, step } of steps) {
    status.set(
      refund,
      step.kind === 'FAILED' ? 'FAILED' : step.kind === 'SUCCEEDED' ? 'SUCCEEDED' : 'PENDING',
    );
    if (step.kind === 'SUCCEEDED') reverse(order, refund, step.at);
    const { payment } = refund;
    const drawn = (wanted: RefundStatus) =>
      order.refunds
        .filter((r) => r.payment === payment && status.get(r) === wanted)
        .reduce((sum, r) => sum + r.amountFen, 0);
    const next = paymentStatusFromRefunds({
      amount: payment.amountFen,
      pending: drawn('PENDING'),
      succeeded: drawn('SUCCEEDED'),
      base: 'SUCCEEDED',
    });
    if (next === payment.status) continue;
    payment.status = next;
    payment.logs.push({
      status: next,
      at: step.at,
      reference: step.kind === 'SUCCEEDED' ? refund.channelRefundNo : null,
    });
  }
}

/** The money is back on the card or the account: the reversing usage row with the balance after it. */
function reverse(order: OrderDraft, refund: RefundDraft, at: Date): void {
  if (refund.method === 'GIFT_CARD' && refund.cardNumber) {
    const usages = order.giftCardUsages.filter((u) => u.cardNumber === refund.cardNumber);
    const first = usages.find((u) => u.reversalOf === null);
    if (!first) return;
    order.giftCardUsages.push({
      cardNumber: refund.cardNumber,
      amountFen: -refund.amountFen,
      balanceAfterFen: usages.at(-1)!.balanceAfterFen + refund.amountFen,
      at,
      reversalOf: first,
    });
  }
  if (refund.method === 'POINTS' && refund.points) {
    const first = order.pointsUsages.find((u) => u.reversalOf === null);
    if (!first) return;
    order.pointsUsages.push({
      points: -refund.points,
      valueFen: -refund.amountFen,
      balanceAfter: order.pointsUsages.at(-1)!.balanceAfter + refund.points,
      at,
      reversalOf: first,
    });
  }
}
