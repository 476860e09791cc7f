import { assertTransition, type StrandEvents, type TransitionFacts, type TransitionRow } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import { apiError } from '../api/errors.js';
import { OrderEntity, SubOrderEntity } from '../entities/index.js';
import { countTransition } from '../metrics/domain-counters.js';
import { recordOrderEvent, type Actor } from './history.js';

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
    throw apiError('VERSION_CONFLICT', `Order ${order.number} was changed by someone else; reload it.`);
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
  const stamps: Partial<SubOrderEntity> = {
    ...(row.to === 'DISPATCHED' ? { dispatchedAt: now, dispatchState: 'ACKNOWLEDGED' as const } : {}),
    ...(row.to === 'SHIPPED' ? { shippedAt: now } : {}),
    ...(FINAL_FULFILMENT.has(row.to) ? { finishedAt: now } : {}),
    ...(row.effects.includes('CLEAR_CANCEL_REQUEST') ? { cancelRequestedAt: null } : {}),
  };
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
    throw apiError(
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
