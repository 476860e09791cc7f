import { assertTransition, type StrandEvents, type TransitionFacts } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import { apiError } from '../api/errors.js';
import { OrderEntity } from '../entities/index.js';
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
