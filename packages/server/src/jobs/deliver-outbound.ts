import type { Task } from 'graphile-worker';
import { LessThan, type DataSource } from 'typeorm';
import { hmacSignature } from '../auth/signatures.js';
import { OutboundMessageEntity, SubOrderEntity, WarehouseEntity } from '../entities/index.js';
import type { DeliveryService } from '../services/dispatch/delivery.service.js';
import { DELIVER_TASK } from './outbox.js';

/** The longest pause of a message waiting for an earlier one of its sub-order (it is woken when that one settles). */
const WAIT_CAP_MS = 60_000;
/** A warehouse that has not answered within this is a failed attempt (retried, then dead-lettered), not a hang. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Delivers one outbox message: waits (without spending an attempt) for earlier messages of its sub-order, POSTs it
 * signed to the warehouse, and reports the outcome to the delivery service. A failure throws, so graphile-worker
 * retries with exponential back-off; the last attempt dead-letters it, visibly, for ops to re-drive.
 */
export function deliverOutbound(
  db: DataSource,
  deliveries: DeliveryService,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Task {
  return async (payload, helpers) => {
    const { messageId, waits = 0 } = payload as { messageId: string; waits?: number };
    const messages = db.getRepository(OutboundMessageEntity);
    const message = await messages.findOneBy({ id: messageId });
    if (!message || message.status !== 'PENDING') return;
    const earlier = await messages.exists({
      where: { subOrderId: message.subOrderId, seq: LessThan(message.seq), status: 'PENDING' },
    });
    if (earlier) {
      // Not an attempt: waiting for an earlier message must not dead-letter this one. It comes back after a growing
      // pause (1 s, 2 s, … 60 s), or at once when the earlier one is settled (Outbox.settled) — unless that happens
      // between this check and the re-add below, when the pause itself is the wait. The same key: no second job.
      await helpers.addJob(
        DELIVER_TASK,
        { messageId, waits: waits + 1 },
        {
          jobKey: helpers.job.key ?? `outbound:${messageId}`,
          runAt: new Date(Date.now() + Math.min(WAIT_CAP_MS, 1_000 * 2 ** waits)),
          maxAttempts: helpers.job.max_attempts,
        },
      );
      return;
    }
    const subOrder = await db.getRepository(SubOrderEntity).findOneByOrFail({ id: message.subOrderId });
    if (!deliveries.stillApplies(message, subOrder)) {
      await deliveries.drop(message);
      return;
    }
    const warehouse = await db.getRepository(WarehouseEntity).findOneByOrFail({ id: message.warehouseId });
    const last = helpers.job.attempts >= helpers.job.max_attempts;
    try {
      if (!warehouse.endpointUrl || !warehouse.secret)
        throw new Error(`warehouse ${warehouse.code} has no endpoint or secret`);
      const body = JSON.stringify(await deliveries.bodyOf(message, subOrder, warehouse));
      const response = await fetch(warehouse.endpointUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-oms-signature': hmacSignature(body, warehouse.secret),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`warehouse ${warehouse.code} answered ${response.status}`);
      await deliveries.sent(message, warehouse);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await deliveries.failed(message, reason, last);
      if (!last) throw error;
    }
  };
}
