import {
  amountPaidByCustomer,
  assertTransition,
  type InterceptionRule,
  type InterceptionStatus,
} from '@oms/schema';
import { In, type EntityManager } from 'typeorm';
import { InterceptionEntity, type OrderEntity, SubOrderEntity } from '../../entities/index.js';
import { recordOrderEvent, type Actor } from '../history.js';
import { countTransition } from '../../metrics/domain-counters.js';

/** The graphile-worker task that runs a hold's default action when its rollback period ends. */
export const EXPIRE_TASK = 'expire-interception';

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

/**
 * Raises an interception (domain.md §3, §9): ACTIVE, holding the order or one sub-order, with its expiry job
 * scheduled for the end of the rollback period, all in the caller's transaction.
 */
export async function raiseHold(
  manager: EntityManager,
  order: OrderEntity,
  request: HoldRequest,
): Promise<InterceptionEntity> {
  const raisedAt = new Date();
  const expiresAt = new Date(raisedAt.getTime() + request.rollbackMinutes * 60_000);
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
    amountFen: amountPaidByCustomer({
      goods: order.goodsFen,
      freight: order.freightFen,
      couponDiscount: order.couponDiscountFen,
      promotionDiscount: order.promotionDiscountFen,
    }),
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
    after: {
      rule: request.rule,
      interceptionId: interception.id,
      evidence: request.evidence,
      expiresAt: expiresAt.toISOString(),
    },
  });
  await manager.query(
    `SELECT graphile_worker.add_job(identifier => $1, payload => json_build_object('interceptionId', $2::text),
       run_at => $3, job_key => $4, max_attempts => 5)`,
    [EXPIRE_TASK, interception.id, expiresAt, `expire:${interception.id}`],
  );
  return interception;
}

/**
 * Settles an ACTIVE interception by the table (RELEASE, CANCEL_ORDER or EXPIRE) and recomputes which sub-orders are
 * still held. Returns the sub-orders of the order, fresh, for the caller's follow-up (dispatch or cancel).
 */
export async function settleHold(
  manager: EntityManager,
  order: OrderEntity,
  interception: InterceptionEntity,
  event: 'RELEASE' | 'CANCEL_ORDER' | 'EXPIRE',
  actor: Actor,
  note: string | null,
): Promise<SubOrderEntity[]> {
  const { to } = assertTransition('INTERCEPTION', interception.status, event, {
    rollbackPeriodOver: interception.expiresAt.getTime() <= Date.now(),
  });
  await manager.getRepository(InterceptionEntity).update(interception.id, {
    status: to as InterceptionStatus,
    decidedBy: actor.id,
    decidedAt: new Date(),
    note,
  });
  countTransition('INTERCEPTION', interception.status, to);
  interception.status = to as InterceptionStatus;
  await refreshHeldFlags(manager, order.id);
  await recordOrderEvent(manager, {
    order,
    subOrderId: interception.subOrderId,
    type: `INTERCEPTION_${to}`,
    actor,
    reason: note,
    before: { status: 'ACTIVE' },
    after: { status: to, interceptionId: interception.id, rule: interception.rule },
  });
  return manager.getRepository(SubOrderEntity).find({ where: { orderId: order.id }, order: { id: 'ASC' } });
}

/** held = an ACTIVE interception covers it: its own, or one on the whole order. Written for the order and each sub-order. */
async function refreshHeldFlags(manager: EntityManager, orderId: string): Promise<void> {
  const active = await manager
    .getRepository(InterceptionEntity)
    .find({ where: { orderId, status: In(['ACTIVE']) } });
  const wholeOrder = active.some((i) => i.subOrderId === null);
  const heldSubOrders = active.map((i) => i.subOrderId).filter((id): id is string => id !== null);
  // A hold raised or settled is a change under the order: its version moves (api.md).
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
