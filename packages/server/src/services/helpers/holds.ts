import {
  amountPaidByCustomer,
  type InterceptionRule,
  type InterceptionStatus,
  type RuleHit,
} from '@oms/schema';
import type { EntityManager } from 'typeorm';
import { InterceptionEntity, type OrderEntity } from '../../entities/index.js';
import { recordOrderEvent, type Actor } from './history.js';
import type { Tx } from './deps.js';

/** What a new hold says. */
export interface HoldRequest {
  readonly rule: InterceptionRule;
  readonly reason: string;
  readonly evidence: Record<string, unknown>;
  readonly actor: Actor;
  /** Null holds the whole order (before the split, or every sub-order after it). */
  readonly subOrderId: string | null;
  readonly rollbackMinutes: number;
}

const SCREENER: Actor = { type: 'SYSTEM', id: 'screening' };

/** The one hold screening raises for an order that tripped rules (docs/domain.md §6.3): the first rule names it. */
export function screeningHold(hits: readonly RuleHit[], rollbackMinutes: number): HoldRequest | null {
  const [first] = hits;
  if (!first) return null;
  return {
    rule: first.rule,
    reason: `screening: ${hits.map((h) => h.rule).join(', ')}`,
    evidence: Object.fromEntries(hits.map((h) => [h.rule, h.evidence])),
    actor: SCREENER,
    subOrderId: null,
    rollbackMinutes,
  };
}

/** The amount a hold shows the manager: what the customer pays for the order, every instrument together. */
export function heldAmount(
  order: Pick<OrderEntity, 'goodsFen' | 'freightFen' | 'couponDiscountFen' | 'promotionDiscountFen'>,
): number {
  return amountPaidByCustomer({
    goods: order.goodsFen,
    freight: order.freightFen,
    couponDiscount: order.couponDiscountFen,
    promotionDiscount: order.promotionDiscountFen,
  });
}

/** When a hold raised at `raisedAt` runs its default action. */
export function holdExpiresAt(raisedAt: Date, rollbackMinutes: number): Date {
  return new Date(raisedAt.getTime() + rollbackMinutes * 60_000);
}

/** The INTERCEPTED timeline entry's details. */
export function interceptedDetails(
  request: Pick<HoldRequest, 'rule' | 'evidence'>,
  interceptionId: string,
  expiresAt: Date,
): Record<string, unknown> {
  return {
    rule: request.rule,
    interceptionId,
    evidence: request.evidence,
    expiresAt: expiresAt.toISOString(),
  };
}

/** The details of the timeline entry that settles a hold. */
export function interceptionSettledDetails(
  status: InterceptionStatus,
  interceptionId: string,
  rule: InterceptionRule,
): Record<string, unknown> {
  return { status, interceptionId, rule };
}

/**
 * What the ACTIVE holds of an order hold: the order when there is any, a sub-order when one is its own or one is on
 * the whole order (`subOrder` null). Keys are whatever identifies a sub-order to the caller.
 */
export function heldBy<K>(active: readonly { readonly subOrder: K | null }[]): {
  readonly order: boolean;
  readonly wholeOrder: boolean;
  readonly subOrders: readonly K[];
  readonly isHeld: (subOrder: K) => boolean;
} {
  const wholeOrder = active.some((hold) => hold.subOrder === null);
  const subOrders = active.flatMap((hold): K[] => (hold.subOrder === null ? [] : [hold.subOrder]));
  return {
    order: active.length > 0,
    wholeOrder,
    subOrders,
    isHeld: (subOrder) => wholeOrder || subOrders.includes(subOrder),
  };
}

/**
 * Raises an interception (docs/domain.md §3, §9): ACTIVE, holding the order or one sub-order, with its default
 * action scheduled for the end of the rollback period, all in the caller's transaction.
 */
export async function raiseHold(
  tx: Tx,
  order: OrderEntity,
  request: HoldRequest,
): Promise<InterceptionEntity> {
  const { manager } = tx;
  const raisedAt = new Date();
  const expiresAt = holdExpiresAt(raisedAt, request.rollbackMinutes);
  const repository = manager.getRepository(InterceptionEntity);
  const { identifiers } = await repository.insert({
    orderId: order.id,
    subOrderId: request.subOrderId,
    shard: order.shard,
    rule: request.rule,
    reason: request.reason,
    evidence: request.evidence as never,
    status: 'ACTIVE',
    raisedBy: request.actor.id,
    raisedAt,
    expiresAt,
    decidedBy: null,
    decidedAt: null,
    note: null,
    amountFen: heldAmount(order),
  });
  const interception = await repository.findOneByOrFail({ id: String(identifiers[0]!.id) });
  await refreshHeldFlags(manager, order.id);
  order.held = true;
  await recordOrderEvent(manager, {
    order,
    subOrderId: request.subOrderId,
    type: 'INTERCEPTED',
    actor: request.actor,
    reason: request.reason,
    after: interceptedDetails(request, interception.id, expiresAt),
  });
  await tx.outbox.expireHolds(manager, [{ interceptionId: interception.id, at: expiresAt }]);
  return interception;
}

/**
 * held = an ACTIVE interception covers it: its own, or one on the whole order. Written for the order and each
 * sub-order; a hold raised or settled is a change under the order, so its version moves (docs/api.md).
 */
export async function refreshHeldFlags(manager: EntityManager, orderId: string): Promise<void> {
  const active: { subOrderId: string | null }[] = await manager.query(
    'SELECT sub_order_id::text AS "subOrderId" FROM interceptions WHERE order_id = $1 AND status = \'ACTIVE\'',
    [orderId],
  );
  const wholeOrder = active.some((i) => i.subOrderId === null);
  const heldSubOrders = active.map((i) => i.subOrderId).filter((id): id is string => id !== null);
  await manager.query(
    'UPDATE orders SET held = $2, version = version + 1, updated_at = now() WHERE id = $1',
    [orderId, active.length > 0],
  );
  await manager.query('UPDATE sub_orders SET held = ($2 OR id = ANY($3::bigint[])) WHERE order_id = $1', [
    orderId,
    wholeOrder,
    heldSubOrders,
  ]);
}
