import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordset } from '../database/recordset.js';
import { OutboundMessageEntity, type OutboundType, type SubOrderEntity } from '../entities/index.js';

/** The graphile-worker task that delivers outbox messages. */
export const DELIVER_TASK = 'deliver-outbound';

/**
 * Writes a message to a sub-order's warehouse into the outbox, in the caller's transaction, with the job that
 * delivers it: a rollback leaves neither, a commit both (reliability.md). Messages carry an increasing `seq` per
 * sub-order, and the delivery task sends none while an earlier one is pending (ADR 0005).
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
 * The job that delivers `message`, keyed by the message, so a second add (a re-drive) replaces a finished job rather
 * than adding another beside it. No named queue: graphile-worker's job fetch locks every available named queue, and
 * with one queue per sub-order it cost 60–72 ms of PostgreSQL per fetch once ~20,000 jobs were queued (a bulk
 * reassign of 10,000 sub-orders); the order within a sub-order is kept by `seq` (deliver-outbound.ts).
 */
export async function addDeliveryJob(
  manager: EntityManager,
  message: Pick<OutboundMessageEntity, 'id'>,
  maxAttempts: number,
): Promise<void> {
  await manager.query(
    `SELECT graphile_worker.add_job(identifier => $1, payload => json_build_object('messageId', $2::text),
       max_attempts => $3, job_key => $4)`,
    [DELIVER_TASK, message.id, maxAttempts, `outbound:${message.id}`],
  );
}

/**
 * Once a message is settled (sent or dead-lettered), the next pending message of its sub-order may go: its job,
 * waiting out a back-off because this one was pending, is brought forward to now.
 */
export async function wakeNextMessage(
  manager: EntityManager,
  message: Pick<OutboundMessageEntity, 'subOrderId' | 'seq'>,
): Promise<void> {
  await manager.query(
    `WITH next AS (
       SELECT id FROM outbound_messages
       WHERE sub_order_id = $1 AND seq > $2 AND status = 'PENDING' ORDER BY seq LIMIT 1)
     SELECT graphile_worker.reschedule_jobs(array_agg(j.id), run_at => now())
     FROM graphile_worker.jobs j, next
     WHERE j.key IN ('outbound:' || next.id, 'outbound-retry:' || next.id) AND j.locked_at IS NULL
     HAVING count(*) > 0`,
    [message.subOrderId, message.seq],
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
 * its last one, in the given order, and each gets its delivery job (keyed as addDeliveryJob keys it) in the same
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
       SELECT array_agg(ROW($3::text, json_build_object('messageId', id::text), NULL::text,
         NULL::timestamptz, $4::smallint, 'outbound:' || id, NULL::smallint, NULL::text[])::graphile_worker.job_spec
         ORDER BY sub_order_id, seq)
       FROM inserted))`,
    [recordset(rows), new Date(), DELIVER_TASK, maxAttempts],
  )) as [{ queued: number }];
  return queued;
}
