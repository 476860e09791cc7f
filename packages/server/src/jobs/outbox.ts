import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordset } from '../database/recordset.js';
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

/** One message for enqueueOutboundMany. */
export interface OutboundInput {
  readonly subOrder: Pick<SubOrderEntity, 'id' | 'orderId' | 'shard'>;
  readonly warehouseId: string;
  readonly type: OutboundType;
  readonly reason?: string | null;
}

/**
 * enqueueOutbound for many messages in one statement: each sub-order's messages take the next `seq` numbers after
 * its last one, in the given order, and each gets its delivery job (addDeliveryJob's queue and key) in the same
 * statement and transaction (graphile-worker's add_jobs, set-based). Returns how many were queued.
 */
export async function enqueueOutboundMany(
  manager: EntityManager,
  inputs: readonly OutboundInput[],
  maxAttempts = 8,
): Promise<number> {
  if (!inputs.length) return 0;
  const rank = new Map<string, number>();
  const rows = inputs.map((input) => {
    const next = (rank.get(input.subOrder.id) ?? 0) + 1;
    rank.set(input.subOrder.id, next);
    return {
      event_id: randomUUID(),
      sub_order_id: input.subOrder.id,
      order_id: input.subOrder.orderId,
      shard: input.subOrder.shard,
      warehouse_id: input.warehouseId,
      type: input.type,
      reason: input.reason ?? null,
      rank: next,
    };
  });
  const [{ queued }] = (await manager.query(
    `WITH x AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(i int, event_id uuid, sub_order_id bigint, order_id bigint,
         shard smallint, warehouse_id bigint, type text, reason text, rank int)
     ), last AS (
       SELECT m.sub_order_id, max(m.seq) AS seq FROM outbound_messages m
       WHERE m.sub_order_id IN (SELECT sub_order_id FROM x) GROUP BY m.sub_order_id
     ), inserted AS (
       INSERT INTO outbound_messages (event_id, sub_order_id, order_id, shard, warehouse_id, seq, type, reason, status,
         attempts, last_error, created_at, sent_at)
       SELECT x.event_id, x.sub_order_id, x.order_id, x.shard, x.warehouse_id, coalesce(last.seq, 0) + x.rank, x.type,
         x.reason, 'PENDING', 0, NULL, $2, NULL
       FROM x LEFT JOIN last USING (sub_order_id) ORDER BY x.i
       RETURNING id, sub_order_id, seq
     )
     SELECT count(*)::int AS queued FROM graphile_worker.add_jobs((
       SELECT array_agg(ROW($3::text, json_build_object('messageId', id::text), 'sub-order:' || sub_order_id,
         NULL::timestamptz, $4::smallint, 'outbound:' || id, NULL::smallint, NULL::text[])::graphile_worker.job_spec
         ORDER BY sub_order_id, seq)
       FROM inserted))`,
    [recordset(rows), new Date(), DELIVER_TASK, maxAttempts],
  )) as [{ queued: number }];
  return queued;
}
