import type { Actor } from '../helpers/history.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { claimUnpaidOrders } from '../helpers/locks.js';
import { applyOrderEvent } from '../helpers/transitions.js';

const PAYMENT_WINDOW: Actor = { type: 'SYSTEM', id: 'payment-window' };
const BATCH = 200;

/**
 * Orders still unpaid when the payment window ends are CLOSED (docs/domain.md §3) and what was already taken (gift
 * cards, points) is refunded — the transition's effect. Orders are claimed in batches with SKIP LOCKED, so a payment
 * arriving at the same moment wins or waits; each batch is one transaction.
 */
export class PaymentWindowService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Closes every order whose window has run out; returns how many. */
  async closeExpired(): Promise<number> {
    const windowMinutes = this.deps.config.paymentWindowMinutes;
    let total = 0;
    for (;;) {
      const closed = await inTransaction(this.deps, async (tx) => {
        const orders = await claimUnpaidOrders(
          tx.manager,
          new Date(Date.now() - windowMinutes * 60_000),
          BATCH,
        );
        for (const order of orders)
          await applyOrderEvent(tx, {
            order,
            event: 'EXPIRE_PAYMENT_WINDOW',
            facts: { paymentWindowOver: true },
            actor: PAYMENT_WINDOW,
            details: { windowMinutes },
            reason: 'payment window ran out',
          });
        return orders.length;
      });
      total += closed;
      if (closed < BATCH) return total;
    }
  }
}
