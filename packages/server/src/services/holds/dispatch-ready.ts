import type { EntityManager } from 'typeorm';
import { SubOrderEntity } from '../../entities/index.js';
import { enqueueOutbound, enqueueOutboundMany } from '../../jobs/outbox.js';

/** Ready for a dispatch: still CREATED, at a warehouse, not held, and not yet queued. */
function isReady<T extends ReadyCandidate>(subOrder: T): subOrder is T & { warehouseId: string } {
  return (
    subOrder.status === 'CREATED' &&
    !!subOrder.warehouseId &&
    !subOrder.held &&
    subOrder.dispatchState === 'NONE'
  );
}

/** What dispatchReadyMany needs of a sub-order. */
export type ReadyCandidate = Pick<
  SubOrderEntity,
  'id' | 'orderId' | 'shard' | 'status' | 'warehouseId' | 'held' | 'dispatchState'
>;

/**
 * Queues the dispatch of every given sub-order that is ready for one: still CREATED, at a warehouse, not held,
 * and not yet queued. Called after screening and after a hold is released, in the caller's transaction.
 */
export async function dispatchReady(
  manager: EntityManager,
  subOrders: readonly SubOrderEntity[],
  maxAttempts: number,
): Promise<number> {
  let queued = 0;
  for (const subOrder of subOrders) {
    if (!isReady(subOrder)) continue;
    await enqueueOutbound(manager, subOrder, subOrder.warehouseId, 'DISPATCH', null, maxAttempts);
    await manager.getRepository(SubOrderEntity).update(subOrder.id, { dispatchState: 'PENDING' });
    subOrder.dispatchState = 'PENDING';
    queued++;
  }
  return queued;
}

/**
 * dispatchReady for many sub-orders in two statements (the messages with their jobs, then the dispatch states),
 * whatever their count. Updates the sub-orders in place; returns how many were queued.
 */
export async function dispatchReadyMany(
  manager: EntityManager,
  subOrders: readonly ReadyCandidate[],
  maxAttempts: number,
): Promise<number> {
  const ready = subOrders.filter(isReady);
  if (!ready.length) return 0;
  await enqueueOutboundMany(
    manager,
    ready.map((subOrder) => ({ subOrder, warehouseId: subOrder.warehouseId, type: 'DISPATCH' as const })),
    maxAttempts,
  );
  await manager.query("UPDATE sub_orders SET dispatch_state = 'PENDING' WHERE id = ANY($1::bigint[])", [
    ready.map((subOrder) => subOrder.id),
  ]);
  for (const subOrder of ready) subOrder.dispatchState = 'PENDING';
  return ready.length;
}
