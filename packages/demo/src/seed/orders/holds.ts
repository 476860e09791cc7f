import {
  amountPaidByCustomer,
  assertTransition,
  screenOrder,
  screeningFacts,
  type BlacklistKind,
  type InterceptionRule,
  type InterceptionStatus,
  type RuleHit,
} from '@oms/schema';
import {
  heldBy,
  holdExpiresAt,
  interceptedDetails,
  interceptionSettledDetails,
  type Actor,
} from '@oms/server';
import { MINUTE, type StoryClock } from './clock.js';
import type { InterceptionDraft, SubOrderDraft } from './model.js';
import type { OrderStory } from './story.js';

/** What a story knows beyond the order itself when it is screened. */
export interface ScreeningExtras {
  /** Paid orders to the same address in the window, this one included (ADDRESS_VELOCITY). */
  readonly paidOrdersToAddress?: number;
  readonly blacklisted?: readonly BlacklistKind[];
}

/**
 * Screens the order with the stored rules by packages/schema's own `screeningFacts` and `screenOrder`, as the
 * server's screening does, so a held order's evidence carries the live thresholds and an order that is not meant to
 * be held provably does not trip a rule.
 */
export function screen(story: OrderStory, extras: ScreeningExtras = {}): RuleHit[] {
  const { order } = story;
  return screenOrder(
    screeningFacts({
      payableFen: order.amounts.payable,
      createdAt: order.createdAt,
      customerRegisteredAt: order.customerRegisteredAt,
      lines: order.lines,
      paidOrdersToAddress: extras.paidOrdersToAddress ?? 1,
      blacklisted: extras.blacklisted ?? [],
    }),
    story.ctx.rules,
  );
}

/**
 * Raises an ACTIVE interception holding the order or one sub-order, with the server's own figures: the amount the
 * manager sees, the end of the rollback period and the INTERCEPTED entry's details (services/helpers/holds.ts).
 */
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
  const expiresAt = holdExpiresAt(request.at, ctx.rollbackMinutes);
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
    amountFen: amountPaidByCustomer(order.amounts),
  };
  order.interceptions.push(interception);
  refreshHeld(story);
  story.entry({
    type: 'INTERCEPTED',
    actor: request.actor,
    at: request.at,
    sub: request.sub,
    reason: request.reason,
    after: () => interceptedDetails(request, String(interception.id), expiresAt),
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
    after: () => interceptionSettledDetails(to, String(interception.id), interception.rule),
  });
  return at;
}

/** What the order's ACTIVE holds hold, by the server's own rule (heldBy). */
function refreshHeld(story: OrderStory): void {
  const { order } = story;
  const held = heldBy(
    order.interceptions.filter((i) => i.status === 'ACTIVE').map((i) => ({ subOrder: i.subOrder })),
  );
  order.held = held.order;
  for (const sub of order.subOrders) sub.held = held.isHeld(sub);
}
