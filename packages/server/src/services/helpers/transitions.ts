import {
  assertTransition,
  isFinalFulfilment,
  type StrandEvents,
  type TransitionFacts,
  type TransitionRow,
} from '@oms/schema';
import { recordset } from '../../database/recordset.js';
import { InterceptionEntity, type OrderEntity, type SubOrderEntity } from '../../entities/index.js';
import { domainError } from '../../errors/domain-error.js';
import { countTransition } from '../../metrics/domain-counters.js';
import type { Tx } from './deps.js';
import { runEffects, type EffectParams, type EffectTarget } from './effects.js';
import { recordOrderEvent, recordOrderEvents, type Actor, type OrderEventInput } from './history.js';
import { interceptionSettledDetails, refreshHeldFlags } from './holds.js';

// The guarded transitions (docs/reliability.md): each checks the event against the transition table with the
// caller's facts, writes the new status with an UPDATE that only matches while the row is still in the state and
// version this transaction read (TypeORM's @VersionColumn alone refuses nothing), writes the timeline, and runs the
// effects the table names for it (effects.ts) — all in the caller's transaction. A lost race is VERSION_CONFLICT,
// never a half-applied change.

/** What every change says besides its object and event: the facts its guards read, who, why, and for the effects. */
interface ChangeCommon {
  readonly facts?: TransitionFacts;
  readonly actor: Actor;
  /** Added to the timeline entry's `after`. */
  readonly details?: Record<string, unknown>;
  readonly reason?: string | null;
  readonly params?: EffectParams;
}

/** A change of a parent order's status. */
export interface OrderChange extends ChangeCommon {
  readonly order: OrderEntity;
  readonly event: StrandEvents['ORDER'];
}

/** Applies an event of the order strand; updates `order` in place and returns the row applied. */
export async function applyOrderEvent(tx: Tx, change: OrderChange): Promise<TransitionRow<'ORDER'>> {
  const { order, actor, reason = null } = change;
  const row = assertTransition('ORDER', order.status, change.event, change.facts ?? {});
  const { from, to } = row;
  const now = new Date();
  const [, affected] = (await tx.manager.query(
    `UPDATE orders SET status = $4, version = version + 1, updated_at = $5,
       paid_at = CASE WHEN $4 = 'PAID' THEN $5 ELSE paid_at END
     WHERE id = $1 AND status = $2 AND version = $3`,
    [order.id, from, order.version, to, now],
  )) as [unknown, number];
  if (affected !== 1)
    throw domainError('VERSION_CONFLICT', `Order ${order.number} was changed by someone else; reload it.`);
  countTransition('ORDER', from, to);
  Object.assign(order, {
    status: to,
    version: order.version + 1,
    updatedAt: now,
    ...(to === 'PAID' ? { paidAt: now } : {}),
  });
  await recordOrderEvent(tx.manager, {
    order,
    type: 'STATUS_CHANGED',
    actor,
    reason,
    before: { status: from },
    after: { status: to, ...change.details },
    customerVisible: true,
    at: now,
  });
  await runEffects({ tx, actor, reason }, [row], [{ order, params: change.params }]);
  return row;
}

/** A change of one sub-order's fulfilment status. */
export interface SubOrderChange extends ChangeCommon {
  readonly order: Pick<OrderEntity, 'id' | 'shard' | 'number'> & Partial<OrderEntity>;
  readonly subOrder: SubOrderEntity;
  readonly event: StrandEvents['FULFILMENT'];
}

/**
 * Applies an event of the fulfilment strand to one sub-order: the set-based path with a set of one, so a single
 * change and a bulk one are written by the same statements. Returns the row applied.
 */
export async function applySubOrderEvent(
  tx: Tx,
  change: SubOrderChange,
): Promise<TransitionRow<'FULFILMENT'>> {
  const [row] = await applySubOrderEvents(tx, [change], change.event, change.actor, change.reason ?? null);
  return row!;
}

/** One sub-order of a set-based event (applySubOrderEvents). */
export interface SubOrderEventItem {
  readonly order: Pick<OrderEntity, 'id' | 'shard' | 'number'> & Partial<OrderEntity>;
  readonly subOrder: Pick<
    SubOrderEntity,
    'id' | 'orderId' | 'shard' | 'number' | 'status' | 'version' | 'warehouseId'
  > &
    Partial<SubOrderEntity>;
  readonly facts?: TransitionFacts;
  readonly details?: Record<string, unknown>;
  readonly params?: EffectParams;
}

/** The columns a fulfilment transition stamps besides status and version, by the state it reaches. */
function stampsOf(row: TransitionRow<'FULFILMENT'>, now: Date): Partial<SubOrderEntity> {
  return {
    ...(row.to === 'DISPATCHED' ? { dispatchedAt: now, dispatchState: 'ACKNOWLEDGED' as const } : {}),
    ...(row.to === 'SHIPPED' ? { shippedAt: now } : {}),
    ...(isFinalFulfilment(row.to) ? { finishedAt: now } : {}),
  };
}

/**
 * Applies one fulfilment event to many sub-orders in a fixed number of statements whatever their count: the table
 * check per item (throws before writing if any is refused: callers decide first), one guarded UPDATE of status and
 * version (a row no longer in the state and version read is VERSION_CONFLICT for the whole set), each parent's
 * version bumped once per sub-order (docs/api.md: any change under a sub-order increments both), the timeline
 * entries, then the effects. Updates the items in place; returns the rows applied, in the items' order.
 */
export async function applySubOrderEvents(
  tx: Tx,
  items: readonly SubOrderEventItem[],
  event: StrandEvents['FULFILMENT'],
  actor: Actor,
  reason: string | null = null,
): Promise<TransitionRow<'FULFILMENT'>[]> {
  const rows = items.map((item) =>
    assertTransition('FULFILMENT', item.subOrder.status, event, item.facts ?? {}),
  );
  if (!items.length) return rows;
  const now = new Date();
  const [updated, affected] = (await tx.manager.query(
    `UPDATE sub_orders s SET status = x.to, version = s.version + 1, updated_at = $2,
       dispatched_at = CASE WHEN x.dispatched THEN $2 ELSE s.dispatched_at END,
       dispatch_state = CASE WHEN x.dispatched THEN 'ACKNOWLEDGED' ELSE s.dispatch_state END,
       shipped_at = CASE WHEN x.shipped THEN $2 ELSE s.shipped_at END,
       finished_at = CASE WHEN x.finished THEN $2 ELSE s.finished_at END
     FROM jsonb_to_recordset($1::jsonb) AS x(i int, id bigint, "from" text, "to" text, version int,
       dispatched boolean, shipped boolean, finished boolean)
     WHERE s.id = x.id AND s.status = x."from" AND s.version = x.version
     RETURNING s.id`,
    [
      recordset(
        items.map(({ subOrder }, k) => ({
          id: subOrder.id,
          from: rows[k]!.from,
          to: rows[k]!.to,
          version: subOrder.version,
          dispatched: rows[k]!.to === 'DISPATCHED',
          shipped: rows[k]!.to === 'SHIPPED',
          finished: isFinalFulfilment(rows[k]!.to),
        })),
      ),
      now,
    ],
  )) as [unknown[], number];
  if (affected !== items.length || updated.length !== items.length) {
    throw domainError(
      'VERSION_CONFLICT',
      items.length === 1
        ? `Sub-order ${items[0]!.subOrder.number} was changed by someone else; reload it.`
        : 'Some of these sub-orders were changed by someone else; reload them.',
    );
  }
  const bumps = new Map<string, number>();
  for (const { order } of items) bumps.set(order.id, (bumps.get(order.id) ?? 0) + 1);
  await tx.manager.query(
    `UPDATE orders o SET version = o.version + x.n, updated_at = $3
     FROM unnest($1::bigint[], $2::int[]) AS x(id, n) WHERE o.id = x.id`,
    [[...bumps.keys()], [...bumps.values()], now],
  );
  const events: OrderEventInput[] = [];
  items.forEach((item, k) => {
    const row = rows[k]!;
    Object.assign(item.subOrder, {
      status: row.to,
      version: item.subOrder.version + 1,
      updatedAt: now,
      ...stampsOf(row, now),
    });
    if (row.from === row.to) return;
    countTransition('FULFILMENT', row.from, row.to);
    events.push({
      order: item.order,
      subOrderId: item.subOrder.id,
      type: 'STATUS_CHANGED',
      actor,
      reason,
      before: { status: row.from },
      after: { status: row.to, ...item.details },
      customerVisible: true,
      at: now,
    });
  });
  await recordOrderEvents(tx.manager, events);
  await runEffects(
    { tx, actor, reason },
    rows,
    items.map((item): EffectTarget => ({ order: item.order, subOrder: item.subOrder, params: item.params })),
  );
  return rows;
}

/** A decision on a hold: released, the order cancelled, or the rollback period's default. */
export interface InterceptionChange {
  readonly order: OrderEntity;
  readonly interception: InterceptionEntity;
  readonly event: StrandEvents['INTERCEPTION'];
  readonly actor: Actor;
  readonly note: string | null;
}

/**
 * Settles an ACTIVE interception by the table, on rows the caller locked (order, then the hold): records who decided
 * and when, recomputes which sub-orders are still held, writes the timeline and runs the effects (a release sends on
 * what waited for it). Updates `interception` in place.
 */
export async function applyInterceptionEvent(
  tx: Tx,
  change: InterceptionChange,
): Promise<TransitionRow<'INTERCEPTION'>> {
  const { order, interception, actor, note } = change;
  const row = assertTransition('INTERCEPTION', interception.status, change.event, {
    rollbackPeriodOver: interception.expiresAt.getTime() <= Date.now(),
  });
  const decidedAt = new Date();
  await tx.manager.getRepository(InterceptionEntity).update(interception.id, {
    status: row.to,
    decidedBy: actor.id,
    decidedAt,
    note,
  });
  countTransition('INTERCEPTION', row.from, row.to);
  Object.assign(interception, { status: row.to, decidedBy: actor.id, decidedAt, note });
  await refreshHeldFlags(tx.manager, order.id);
  await recordOrderEvent(tx.manager, {
    order,
    subOrderId: interception.subOrderId,
    type: `INTERCEPTION_${row.to}`,
    actor,
    reason: note,
    before: { status: 'ACTIVE' },
    after: interceptionSettledDetails(row.to, interception.id, interception.rule),
  });
  await runEffects({ tx, actor, reason: note }, [row], [{ order }]);
  return row;
}
