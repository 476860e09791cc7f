import type { Task } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import { DELIVER_TASK, REFUND_TASK, type GraphileOutbox } from './outbox.js';

/** The graphile-worker task (cron, every minute) that re-queues outbox messages whose delivery job was lost. */
export const REQUEUE_STUCK_TASK = 'requeue-stuck-outbound';

/**
 * A worker killed mid-delivery leaves its job locked for hours (graphile-worker's lock timeout). Any PENDING message
 * whose job is gone or has been locked for longer than a delivery can take (10 s timeout, so 2 minutes is plenty)
 * gets a fresh job; the per-sub-order `seq` check keeps the order, and the receiver deduplicates by eventId should
 * the lost attempt have arrived after all.
 */
export const REQUEUE_STUCK_SQL = `
  SELECT graphile_worker.add_job(identifier => $1, payload => json_build_object('messageId', m.id::text),
           max_attempts => $2, job_key => 'outbound-retry:' || m.id)
  FROM outbound_messages m
  WHERE m.status = 'PENDING' AND m.created_at < now() - interval '2 minutes'
    AND NOT EXISTS (
      SELECT 1 FROM graphile_worker._private_jobs j
      WHERE j.key IN ('outbound:' || m.id, 'outbound-retry:' || m.id)
        AND (j.locked_at IS NULL OR j.locked_at > now() - interval '2 minutes'))`;

/**
 * A delivery job locked for longer than a delivery can take belongs to a dead worker, and its message, still
 * PENDING, holds back every later message of its sub-order (a cancel after the dispatch): unlocking that worker
 * releases the job, which runs again before anything is re-queued beside it.
 */
export const UNLOCK_DEAD_DELIVERIES_SQL = `
  SELECT graphile_worker.force_unlock_workers(array_agg(DISTINCT j.locked_by))
  FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
  WHERE t.identifier = $1 AND j.locked_at < now() - interval '2 minutes'
  HAVING count(*) > 0`;

/**
 * A refund still waiting to be taken by its channel whose delivery job is gone (a dead worker's, or a refund made
 * before refunds were delivered at all) gets a fresh job for its current attempt.
 */
export const REQUEUE_REFUNDS_SQL = `
  SELECT graphile_worker.add_job(identifier => $1,
           payload => json_build_object('refundId', r.id::text, 'attempt', r.attempt),
           max_attempts => $2, job_key => 'refund:' || r.id || ':' || r.attempt)
  FROM refunds r
  WHERE r.status = 'PENDING' AND r.delivery_state = 'PENDING' AND r.created_at < now() - interval '2 minutes'
    AND NOT EXISTS (
      SELECT 1 FROM graphile_worker._private_jobs j
      WHERE j.key = 'refund:' || r.id || ':' || r.attempt
        AND (j.locked_at IS NULL OR j.locked_at > now() - interval '2 minutes'))`;

/** Re-queues outbox messages and refunds stranded by a dead worker. */
export function requeueStuck(db: DataSource, outbox: Pick<GraphileOutbox, 'maxAttempts'>): Task {
  return async () => {
    await db.query(UNLOCK_DEAD_DELIVERIES_SQL, [DELIVER_TASK]);
    await db.query(UNLOCK_DEAD_DELIVERIES_SQL, [REFUND_TASK]);
    await db.query(REQUEUE_STUCK_SQL, [DELIVER_TASK, outbox.maxAttempts]);
    await db.query(REQUEUE_REFUNDS_SQL, [REFUND_TASK, outbox.maxAttempts]);
  };
}
