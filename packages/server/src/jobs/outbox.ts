import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboundMessageEntity, type OutboundType, type SubOrderEntity } from '../entities/index.js';

/** The graphile-worker task that delivers outbox messages. */
export const DELIVER_TASK = 'deliver-outbound';

/**
 * Writes a message to a sub-order's warehouse into the outbox, in the caller's transaction, with the job that
 * delivers it: a rollback leaves neither, a commit both (reliability.md). Messages of one sub-order share a named
 * queue, so they run one at a time, and carry an increasing `seq` so none overtakes an earlier one.
 */
export async function enqueueOutbound(
  manager: EntityManager,
  subOrder: SubOrderEntity,
  warehouseId: string,
  type: OutboundType,
  reason: string | null = null,
  maxAttempts = 8,
): Promise<OutboundMessageEntity> {
  const [{ next }] = (await manager.query(
    'SELECT coalesce(max(seq), 0) + 1 AS next FROM outbound_messages WHERE sub_order_id = $1',
    [subOrder.id],
  )) as [{ next: number }];
  const message = manager.getRepository(OutboundMessageEntity).create({
    eventId: randomUUID(),
    subOrderId: subOrder.id,
    orderId: subOrder.orderId,
    shard: subOrder.shard,
    warehouseId,
    seq: next,
    type,
    reason,
    status: 'PENDING',
    attempts: 0,
    lastError: null,
    createdAt: new Date(),
    sentAt: null,
  });
  await manager.getRepository(OutboundMessageEntity).insert(message);
  await addDeliveryJob(manager, message, maxAttempts);
  return message;
}

/**
 * The job that delivers `message`, in its sub-order's named queue (one at a time) and keyed by the message, so a
 * second add (a re-drive) replaces a finished job rather than adding another beside it.
 */
export async function addDeliveryJob(
  manager: EntityManager,
  message: Pick<OutboundMessageEntity, 'id' | 'subOrderId'>,
  maxAttempts: number,
): Promise<void> {
  await manager.query(
    `SELECT graphile_worker.add_job(identifier => $1, payload => json_build_object('messageId', $2::text),
       queue_name => $3, max_attempts => $4, job_key => $5)`,
    [DELIVER_TASK, message.id, `sub-order:${message.subOrderId}`, maxAttempts, `outbound:${message.id}`],
  );
}
