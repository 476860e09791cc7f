import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordset } from '../database/recordset.js';
import type { OutboundMessageEntity, RefundEntity } from '../entities/index.js';
import type { HoldExpiry, Outbox, OutboundRequest } from '../services/helpers/outbox.js';

/** The graphile-worker task that delivers outbox messages. */
export const DELIVER_TASK = 'deliver-outbound';
/** The graphile-worker task that runs a hold's default action when its rollback period ends. */
export const EXPIRE_TASK = 'expire-interception';
/** The graphile-worker task that delivers a refund's current attempt to its channel. */
export const REFUND_TASK = 'deliver-refund';

/**
 * The outbox on graphile-worker: each message row is written with the job that delivers it, in the caller's
 * transaction. Messages carry an increasing `seq` per sub-order, and the delivery task sends none while an earlier
 * one is pending (docs/adr/0005-outbox-and-delivery-order.md). Jobs have no named queue: graphile-worker's job fetch
 * locks every available named queue, and with one queue per sub-order it cost 60–72 ms of PostgreSQL per fetch once
 * ~20,000 jobs were queued (a bulk reassign of 10,000 sub-orders); the order within a sub-order is kept by `seq`.
 * A job is keyed by its message, so a second add (a re-drive) replaces a finished job rather than adding another.
 */
export class GraphileOutbox implements Outbox {
  /** `maxAttempts`: delivery attempts of a message before it is dead-lettered. */
  constructor(readonly maxAttempts: number) {}

  async enqueue(manager: EntityManager, messages: readonly OutboundRequest[]): Promise<number> {
    if (!messages.length) return 0;
    const rank = new Map<string, number>();
    const rows = messages.map((message) => {
      const next = (rank.get(message.subOrder.id) ?? 0) + 1;
      rank.set(message.subOrder.id, next);
      return {
        event_id: randomUUID(),
        sub_order_id: message.subOrder.id,
        order_id: message.subOrder.orderId,
        shard: message.subOrder.shard,
        warehouse_id: message.warehouseId,
        type: message.type,
        reason: message.reason ?? null,
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
         INSERT INTO outbound_messages (event_id, sub_order_id, order_id, shard, warehouse_id, seq, type, reason,
           status, attempts, last_error, created_at, sent_at)
         SELECT x.event_id, x.sub_order_id, x.order_id, x.shard, x.warehouse_id, coalesce(last.seq, 0) + x.rank,
           x.type, x.reason, 'PENDING', 0, NULL, $2, NULL
         FROM x LEFT JOIN last USING (sub_order_id) ORDER BY x.i
         RETURNING id, sub_order_id, seq
       )
       SELECT count(*)::int AS queued FROM graphile_worker.add_jobs((
         SELECT array_agg(ROW($3::text, json_build_object('messageId', id::text), NULL::text,
           NULL::timestamptz, $4::smallint, 'outbound:' || id, NULL::smallint, NULL::text[])::graphile_worker.job_spec
           ORDER BY sub_order_id, seq)
         FROM inserted))`,
      [recordset(rows), new Date(), DELIVER_TASK, this.maxAttempts],
    )) as [{ queued: number }];
    return queued;
  }

  async deliver(manager: EntityManager, messageIds: readonly string[]): Promise<void> {
    if (!messageIds.length) return;
    await manager.query(
      `SELECT graphile_worker.add_job(identifier => $1, payload => json_build_object('messageId', id::text),
         max_attempts => $3, job_key => 'outbound:' || id)
       FROM unnest($2::bigint[]) WITH ORDINALITY AS m(id, n) ORDER BY n`,
      [DELIVER_TASK, messageIds, this.maxAttempts],
    );
  }

  async expireHolds(manager: EntityManager, holds: readonly HoldExpiry[]): Promise<void> {
    if (!holds.length) return;
    await manager.query(
      `SELECT graphile_worker.add_job(identifier => $1, payload => json_build_object('interceptionId', h.id::text),
         run_at => h.at, job_key => 'expire:' || h.id, max_attempts => 5)
       FROM unnest($2::bigint[], $3::timestamptz[]) WITH ORDINALITY AS h(id, at, n) ORDER BY n`,
      [EXPIRE_TASK, holds.map((h) => h.interceptionId), holds.map((h) => h.at)],
    );
  }

  async sendRefunds(
    manager: EntityManager,
    refunds: readonly Pick<RefundEntity, 'id' | 'attempt'>[],
  ): Promise<void> {
    if (!refunds.length) return;
    // Keyed by refund and attempt: a re-drive of the same attempt replaces its finished job, a retry adds its own.
    await manager.query(
      `SELECT count(*) FROM graphile_worker.add_jobs((
         SELECT array_agg(ROW($1::text, json_build_object('refundId', r.id::text, 'attempt', r.attempt), NULL::text,
           NULL::timestamptz, $2::smallint, 'refund:' || r.id || ':' || r.attempt, NULL::smallint,
           NULL::text[])::graphile_worker.job_spec ORDER BY r.n)
         FROM unnest($3::bigint[], $4::int[]) WITH ORDINALITY AS r(id, attempt, n)))`,
      [REFUND_TASK, this.maxAttempts, refunds.map((r) => r.id), refunds.map((r) => r.attempt)],
    );
  }

  /**
   * Once a message is settled (sent, dropped or dead-lettered), the next pending message of its sub-order may go:
   * its job, waiting out a back-off because this one was pending, is brought forward to now.
   */
  async settled(
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
}
