import type { EntityManager } from 'typeorm';
import { SubOrderEntity } from '../../entities/index.js';
import { enqueueOutbound } from '../../jobs/outbox.js';

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
    if (
      subOrder.status !== 'CREATED' ||
      !subOrder.warehouseId ||
      subOrder.held ||
      subOrder.dispatchState !== 'NONE'
    )
      continue;
    await enqueueOutbound(manager, subOrder, subOrder.warehouseId, 'DISPATCH', null, maxAttempts);
    await manager.getRepository(SubOrderEntity).update(subOrder.id, { dispatchState: 'PENDING' });
    subOrder.dispatchState = 'PENDING';
    queued++;
  }
  return queued;
}
