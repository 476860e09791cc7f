import {
  assertTransition,
  screenOrder,
  type InterceptionRule,
  type InterceptionStatus,
  type RuleHit,
} from '@oms/schema';
import type { Actor } from '@oms/server';
import { DAY, MINUTE, type StoryClock } from './clock.js';
import type { InterceptionDraft, SubOrderDraft } from './model.js';
import type { OrderStory } from './story.js';

/** What a story knows beyond the order itself when it is screened. */
export interface ScreeningExtras {
  /** Paid orders to the same address in the window, this one included (ADDRESS_VELOCITY). */
  readonly paidOrdersToAddress?: number;
  readonly blacklisted?: readonly ('PHONE' | 'ADDRESS' | 'ACCOUNT')[];
}

/**
 * Screens the order with the stored rules, exactly as services/holds/screening.service.ts does (packages/schema
 * `screenOrder` over the same facts), so a held order's evidence carries the live thresholds and an order that is
 * not meant to be held provably does not trip a rule.
 */
export function screen(story: OrderStory, extras: ScreeningExtras = {}): RuleHit[] {
  const { order } = story;
  const perSku = new Map<string, number>();
  for (const line of order.lines) perSku.set(line.sku, (perSku.get(line.sku) ?? 0) + line.quantity);
  return screenOrder(
    {
      payableFen: order.amounts.payable,
      accountAgeDays: Math.floor((order.createdAt.getTime() - order.customerRegisteredAt.getTime()) / DAY),
      paidOrdersToAddress: extras.paidOrdersToAddress ?? 1,
      blacklisted: extras.blacklisted ?? [],
      maxQuantityPerSku: Math.max(0, ...perSku.values()),
    },
    story.ctx.rules,
  );
}

/** Raises an ACTIVE interception (services/holds/holds.ts raiseHold), holding the order or one sub-order. */
export function raiseHold(
  story: OrderStory,
  request: {
    rule: InterceptionRule;
    reason: string;
    evidence: Record<string, unknown>;
    actor: Actor;
    sub: SubOrderDraft | null;
    at: Date;
  },
): InterceptionDraft {
  const { order, ctx } = story;
  const expiresAt = new Date(request.at.getTime() + ctx.rollbackMinutes * MINUTE);
  const interception: InterceptionDraft = {
    subOrder: request.sub,
    rule: request.rule,
    reason: request.reason,
    evidence: request.evidence,
    status: 'ACTIVE',
    raisedBy: request.actor.id,
    raisedAt: request.at,
    expiresAt,
    decidedBy: null,
    decidedAt: null,
    note: null,
    amountFen: order.amounts.payable + order.amounts.giftCard + order.amounts.points,
  };
  order.interceptions.push(interception);
  refreshHeld(story);
  story.entry({
    type: 'INTERCEPTED',
    actor: request.actor,
    at: request.at,
    sub: request.sub,
    reason: request.reason,
    after: () => ({
      rule: request.rule,
      interceptionId: String(interception.id),
      evidence: request.evidence,
      expiresAt: expiresAt.toISOString(),
    }),
  });
  return interception;
}

const SETTLE_EVENT = { RELEASED: 'RELEASE', CANCELLED_ORDER: 'CANCEL_ORDER', EXPIRED: 'EXPIRE' } as const;

/**
 * Settles a hold by the INTERCEPTION strand of the table: a manager's release or cancel some minutes after it was
 * raised, or the rollback period's default (release) a minute after it ran out.
 */
export function settleHold(
  story: OrderStory,
  interception: InterceptionDraft,
  outcome: Exclude<InterceptionStatus, 'ACTIVE'>,
  actor: Actor,
  note: string,
  clock: StoryClock,
): Date {
  const raised = interception.raisedAt.getTime();
  const at =
    outcome === 'EXPIRED'
      ? clock.waitUntil(interception.expiresAt.getTime() + story.ctx.rng.int(5, 60) * 1000)
      : clock.waitUntil(raised + story.ctx.rng.between(2, story.ctx.rollbackMinutes - 2) * MINUTE);
  const { to } = assertTransition('INTERCEPTION', interception.status, SETTLE_EVENT[outcome], {
    rollbackPeriodOver: at >= interception.expiresAt,
  });
  interception.status = to;
  interception.decidedBy = actor.id;
  interception.decidedAt = at;
  interception.note = note;
  refreshHeld(story);
  story.entry({
    type: `INTERCEPTION_${to}`,
    actor,
    at,
    sub: interception.subOrder,
    reason: note,
    before: { status: 'ACTIVE' },
    after: () => ({ status: to, interceptionId: String(interception.id), rule: interception.rule }),
  });
  return at;
}

/** held = an ACTIVE interception covers it: its own, or one on the whole order (as refreshHeldFlags does). */
function refreshHeld(story: OrderStory): void {
  const { order } = story;
  const active = order.interceptions.filter((i) => i.status === 'ACTIVE');
  const wholeOrder = active.some((i) => i.subOrder === null);
  order.held = active.length > 0;
  for (const sub of order.subOrders) sub.held = wholeOrder || active.some((i) => i.subOrder === sub);
}
