import type { EntityManager } from 'typeorm';
import { OrderEntity, SubOrderEntity } from '../entities/index.js';

/**
 * Every write under an order locks the parent row first, then sub-orders by id (reliability.md: one fixed order, so
 * two writers can never wait on each other). Webhooks, jobs and staff mutations all take their locks through here.
 */
export async function lockOrder(manager: EntityManager, orderId: string): Promise<OrderEntity> {
  return manager
    .getRepository(OrderEntity)
    .createQueryBuilder('o')
    .setLock('pessimistic_write')
    .where('o.id = :id', { id: orderId })
    .getOneOrFail();
}

/** Locks a sub-order after its parent (see lockOrder); returns both, fresh. */
export async function lockSubOrder(
  manager: EntityManager,
  subOrderId: string,
): Promise<{ order: OrderEntity; subOrder: SubOrderEntity }> {
  const { orderId } = await manager
    .getRepository(SubOrderEntity)
    .findOneOrFail({ where: { id: subOrderId }, select: { id: true, orderId: true } });
  const order = await lockOrder(manager, orderId);
  const subOrder = await manager
    .getRepository(SubOrderEntity)
    .createQueryBuilder('s')
    .setLock('pessimistic_write')
    .where('s.id = :id', { id: subOrderId })
    .getOneOrFail();
  return { order, subOrder };
}
