import type { Task } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import { InterceptionEntity } from '../entities/index.js';
import { lockOrder } from '../services/locks.js';
import { dispatchReady } from '../services/holds/dispatch-ready.js';
import { settleHold } from '../services/holds/holds.js';
import type { Actor } from '../services/history.js';

const ROLLBACK: Actor = { type: 'SYSTEM', id: 'rollback-period' };

/**
 * A hold nobody decided within its rollback period runs the default action (domain.md §9): here, release —
 * EXPIRED is written on the interception and its sub-orders go on to dispatch. A hold already decided is left alone.
 */
export function expireInterception(db: DataSource, dispatchMaxAttempts: number): Task {
  return async (payload) => {
    const { interceptionId } = payload as { interceptionId: string };
    await db.transaction(async (manager) => {
      const found = await manager
        .getRepository(InterceptionEntity)
        .findOne({ where: { id: interceptionId }, select: { id: true, orderId: true } });
      if (!found) return;
      const order = await lockOrder(manager, found.orderId);
      const interception = await manager
        .getRepository(InterceptionEntity)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id: interceptionId })
        .getOneOrFail();
      if (interception.status !== 'ACTIVE' || interception.expiresAt.getTime() > Date.now()) return;
      const subOrders = await settleHold(
        manager,
        order,
        interception,
        'EXPIRE',
        ROLLBACK,
        'rollback period over: released by default',
      );
      await dispatchReady(manager, subOrders, dispatchMaxAttempts);
    });
  };
}
