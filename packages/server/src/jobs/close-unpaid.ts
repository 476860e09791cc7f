import type { Task } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import { OrderEntity } from '../entities/index.js';
import type { Actor } from '../services/history.js';
import { refundWholeOrder } from '../services/refunds.js';
import { applyOrderEvent } from '../services/status-writes.js';

/** The graphile-worker task (cron, every minute) that closes orders whose payment window ran out. */
export const CLOSE_UNPAID_TASK = 'close-unpaid-orders';
const PAYMENT_WINDOW: Actor = { type: 'SYSTEM', id: 'payment-window' };
const BATCH = 200;

/**
 * Orders still unpaid when the payment window ends are CLOSED (domain.md §3) and what was already taken (gift cards,
 * points) is refunded. Rows are claimed with SKIP LOCKED, so a payment arriving at the same moment wins or waits.
 */
export function closeUnpaid(db: DataSource, windowMinutes: number): Task {
  return async () => {
    for (;;) {
      const closed = await db.transaction(async (manager) => {
        const orders = await manager
          .getRepository(OrderEntity)
          .createQueryBuilder('o')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where("o.status = 'PENDING_PAYMENT' AND o.created_at < :limit", {
            limit: new Date(Date.now() - windowMinutes * 60_000),
          })
          .orderBy('o.created_at')
          .limit(BATCH)
          .getMany();
        for (const order of orders) {
          await applyOrderEvent(
            manager,
            order,
            'EXPIRE_PAYMENT_WINDOW',
            { paymentWindowOver: true },
            PAYMENT_WINDOW,
            { windowMinutes },
          );
          await refundWholeOrder(manager, order, 'payment window ran out', PAYMENT_WINDOW);
        }
        return orders.length;
      });
      if (closed < BATCH) return;
    }
  };
}
