import type { SubOrderEntity } from '../../entities/index.js';
import type { Tx } from './deps.js';

/** What dispatchReady needs of a sub-order. */
export type ReadyCandidate = Pick<
  SubOrderEntity,
  'id' | 'orderId' | 'shard' | 'status' | 'warehouseId' | 'held' | 'dispatchState'
>;

/** Ready for a dispatch: still CREATED, at a warehouse, not held, and not yet queued. */
function isReady<T extends ReadyCandidate>(subOrder: T): subOrder is T & { warehouseId: string } {
  return (
    subOrder.status === 'CREATED' &&
    !!subOrder.warehouseId &&
    !subOrder.held &&
    subOrder.dispatchState === 'NONE'
  );
}

/**
 * Queues the dispatch of every given sub-order that is ready for one, in two statements however many (the messages
 * with their delivery, then the dispatch states). Called after screening, after a hold is settled and after a
 * reassignment, in the caller's transaction. Updates the sub-orders in place; returns how many were queued.
 */
export async function dispatchReady(tx: Tx, subOrders: readonly ReadyCandidate[]): Promise<number> {
  const ready = subOrders.filter(isReady);
  if (!ready.length) return 0;
  await tx.outbox.enqueue(
    tx.manager,
    ready.map((subOrder) => ({ subOrder, warehouseId: subOrder.warehouseId, type: 'DISPATCH' as const })),
  );
  await tx.manager.query("UPDATE sub_orders SET dispatch_state = 'PENDING' WHERE id = ANY($1::bigint[])", [
    ready.map((subOrder) => subOrder.id),
  ]);
  for (const subOrder of ready) subOrder.dispatchState = 'PENDING';
  return ready.length;
}
