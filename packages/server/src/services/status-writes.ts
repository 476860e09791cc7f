import { assertTransition, type StrandEvents, type TransitionFacts, type TransitionRow } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import { domainError } from '../errors/domain-error.js';
import { OrderEntity, SubOrderEntity } from '../entities/index.js';
import { countTransition } from '../metrics/domain-counters.js';
import { recordset } from '../database/recordset.js';
import { recordOrderEvent, recordOrderEvents, type Actor, type OrderEventInput } from './history.js';

/**
 * Applies an event of the order strand: checks it against the transition table with the caller's facts, then
 * writes the new status with a guarded UPDATE (reliability.md: `@VersionColumn` alone refuses nothing) that only
 * matches while the row is still in the state and version this transaction read. Writes the timeline entry in the
 * same transaction and updates `order` in place. A lost race is VERSION_CONFLICT, never a half-applied change.
 */
export async function applyOrderEvent(
  manager: EntityManager,
  order: OrderEntity,
  event: StrandEvents['ORDER'],
  facts: TransitionFacts,
  actor: Actor,
  details: Record<string, unknown> = {},
  reason: string | null = null,
): Promise<void> {
  const { from, to } = assertTransition('ORDER', order.status, event, facts);
  const now = new Date();
  const result = await manager
    .createQueryBuilder()
    .update(OrderEntity)
    .set({
      status: to,
      version: () => 'version + 1',
      updatedAt: now,
      ...(to === 'PAID' ? { paidAt: now } : {}),
    })
    .where('id = :id AND status = :from AND version = :version', {
      id: order.id,
      from,
      version: order.version,
    })
    .execute();
  if (result.affected !== 1) {
    throw domainError('VERSION_CONFLICT', `Order ${order.number} was changed by someone else; reload it.`);
  }
  countTransition('ORDER', from, to);
  Object.assign(order, {
    status: to,
    version: order.version + 1,
    updatedAt: now,
    ...(to === 'PAID' ? { paidAt: now } : {}),
  });
  await recordOrderEvent(manager, {
    order,
    type: 'STATUS_CHANGED',
    actor,
    reason,
    before: { status: from },
    after: { status: to, ...details },
    customerVisible: true,
    at: now,
  });
}

const FINAL_FULFILMENT = new Set(['DELIVERED', 'REJECTED', 'CANCELLED']);

/** The columns a fulfilment transition stamps besides status and version (the bulk UPDATE mirrors these). */
function stampsOf(row: TransitionRow<'FULFILMENT'>, now: Date): Partial<SubOrderEntity> {
  return {
    ...(row.to === 'DISPATCHED' ? { dispatchedAt: now, dispatchState: 'ACKNOWLEDGED' as const } : {}),
    ...(row.to === 'SHIPPED' ? { shippedAt: now } : {}),
    ...(FINAL_FULFILMENT.has(row.to) ? { finishedAt: now } : {}),
    ...(row.effects.includes('CLEAR_CANCEL_REQUEST') ? { cancelRequestedAt: null } : {}),
  };
}

/**
 * Applies an event of the fulfilment strand to a sub-order, like applyOrderEvent: table check with the caller's
 * facts, a guarded UPDATE on status and version, the parent's version bumped too (api.md: any change under a
 * sub-order increments both), and a timeline entry, all in the caller's transaction. Returns the row applied.
 */
export async function applySubOrderEvent(
  manager: EntityManager,
  order: Pick<OrderEntity, 'id' | 'shard' | 'number'>,
  subOrder: SubOrderEntity,
  event: StrandEvents['FULFILMENT'],
  facts: TransitionFacts,
  actor: Actor,
  details: Record<string, unknown> = {},
  reason: string | null = null,
): Promise<TransitionRow<'FULFILMENT'>> {
  const row = assertTransition('FULFILMENT', subOrder.status, event, facts);
  const now = new Date();
  const stamps = stampsOf(row, now);
  const result = await manager
    .createQueryBuilder()
    .update(SubOrderEntity)
    .set({ status: row.to, version: () => 'version + 1', updatedAt: now, ...stamps })
    .where('id = :id AND status = :from AND version = :version', {
      id: subOrder.id,
      from: row.from,
      version: subOrder.version,
    })
    .execute();
  if (result.affected !== 1) {
    throw domainError(
      'VERSION_CONFLICT',
      `Sub-order ${subOrder.number} was changed by someone else; reload it.`,
    );
  }
  await manager.query('UPDATE orders SET version = version + 1, updated_at = $2 WHERE id = $1', [
    order.id,
    now,
  ]);
  if (row.from !== row.to) countTransition('FULFILMENT', row.from, row.to);
  Object.assign(subOrder, { status: row.to, version: subOrder.version + 1, updatedAt: now, ...stamps });
  if (row.from !== row.to) {
    await recordOrderEvent(manager, {
      order,
      subOrderId: subOrder.id,
      type: 'STATUS_CHANGED',
      actor,
      reason,
      before: { status: row.from },
      after: { status: row.to, ...details },
      customerVisible: true,
      at: now,
    });
  }
  return row;
}

/** One sub-order of a set-based event (applySubOrderEvents). */
export interface SubOrderEventItem {
  readonly order: Pick<OrderEntity, 'id' | 'shard' | 'number'>;
  readonly subOrder: Pick<SubOrderEntity, 'id' | 'number' | 'status' | 'version'> & Partial<SubOrderEntity>;
  readonly facts: TransitionFacts;
  readonly details?: Record<string, unknown>;
}

/**
 * applySubOrderEvent for many sub-orders at once, in a fixed number of statements whatever their count: the same
 * table check per item (throws before writing if any is refused: callers decide first), one guarded UPDATE of
 * status and version (a row no longer in the state and version read is VERSION_CONFLICT for the whole set), each
 * parent's version bumped once per sub-order, and the timeline entries. Updates the items in place; returns the
 * rows applied, in the items' order.
 */
export async function applySubOrderEvents(
  manager: EntityManager,
  items: readonly SubOrderEventItem[],
  event: StrandEvents['FULFILMENT'],
  actor: Actor,
  reason: string | null = null,
): Promise<TransitionRow<'FULFILMENT'>[]> {
  const rows = items.map((item) => assertTransition('FULFILMENT', item.subOrder.status, event, item.facts));
  if (!items.length) return rows;
  const now = new Date();
  const [updated, affected] = (await manager.query(
    `UPDATE sub_orders s SET status = x.to, version = s.version + 1, updated_at = $2,
       dispatched_at = CASE WHEN x.dispatched THEN $2 ELSE s.dispatched_at END,
       dispatch_state = CASE WHEN x.dispatched THEN 'ACKNOWLEDGED' ELSE s.dispatch_state END,
       shipped_at = CASE WHEN x.shipped THEN $2 ELSE s.shipped_at END,
       finished_at = CASE WHEN x.finished THEN $2 ELSE s.finished_at END,
       cancel_requested_at = CASE WHEN x.clear_cancel THEN NULL ELSE s.cancel_requested_at END
     FROM jsonb_to_recordset($1::jsonb) AS x(i int, id bigint, "from" text, "to" text, version int,
       dispatched boolean, shipped boolean, finished boolean, clear_cancel boolean)
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
          finished: FINAL_FULFILMENT.has(rows[k]!.to),
          clear_cancel: rows[k]!.effects.includes('CLEAR_CANCEL_REQUEST'),
        })),
      ),
      now,
    ],
  )) as [unknown[], number];
  if (affected !== items.length || updated.length !== items.length) {
    throw domainError(
      'VERSION_CONFLICT',
      'Some of these sub-orders were changed by someone else; reload them.',
    );
  }
  const bumps = new Map<string, number>();
  for (const { order } of items) bumps.set(order.id, (bumps.get(order.id) ?? 0) + 1);
  await manager.query(
    `UPDATE orders o SET version = o.version + x.n, updated_at = $3
     FROM unnest($1::bigint[], $2::int[]) AS x(id, n) WHERE o.id = x.id`,
    [[...bumps.keys()], [...bumps.values()], now],
  );
  const events: OrderEventInput[] = [];
  items.forEach((item, k) => {
    const row = rows[k]!;
    const stamps = stampsOf(row, now);
    Object.assign(item.subOrder, {
      status: row.to,
      version: item.subOrder.version + 1,
      updatedAt: now,
      ...stamps,
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
  await recordOrderEvents(manager, events);
  return rows;
}
