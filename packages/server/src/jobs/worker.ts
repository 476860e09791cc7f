import { Logger, run, type Runner } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import { logger } from '../logging/logger.js';
import { deliverOutbound } from './deliver-outbound.js';
import { DELIVER_TASK } from './outbox.js';
import { expireInterception } from './expire-interception.js';
import { EXPIRE_TASK } from '../services/holds/holds.js';
import { FLAG_LATE_TASK, flagLate } from './flag-late.js';
import { CLOSE_UNPAID_TASK, closeUnpaid } from './close-unpaid.js';
import { REQUEUE_STUCK_TASK, requeueStuck } from './requeue-stuck.js';

/** Counts the worker keeps for /metrics. */
export const workerCounters = { deadLetters: 0 };

// A failed delivery is recorded on its outbox row (attempts, last error, dispatch state); only the worker's own
// trouble is worth a log line.
const quiet = new Logger(() => (level, message) => {
  if (level === 'error' && !message.startsWith('Failed task')) logger.error({ component: 'worker' }, message);
});

/** Runs the outbox worker in this process (or its own, `pnpm --filter @oms/server worker`). */
export function startWorker(
  db: DataSource,
  connectionString: string,
  options: { concurrency?: number; dispatchMaxAttempts?: number; paymentWindowMinutes?: number } = {},
): Promise<Runner> {
  return run({
    connectionString,
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    // Completions and failures go through graphile-worker's batcher, which a graceful stop flushes before it closes
    // its pool; unbatched, a job finished during the stop could stay locked (and re-run hours later).
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    pollInterval: 1_000,
    logger: quiet,
    taskList: {
      [DELIVER_TASK]: deliverOutbound(db, () => (workerCounters.deadLetters += 1)),
      [EXPIRE_TASK]: expireInterception(db, options.dispatchMaxAttempts ?? 8),
      [FLAG_LATE_TASK]: flagLate(db),
      [CLOSE_UNPAID_TASK]: closeUnpaid(db, options.paymentWindowMinutes ?? 30),
      [REQUEUE_STUCK_TASK]: requeueStuck(db),
    },
    crontab: [FLAG_LATE_TASK, CLOSE_UNPAID_TASK, REQUEUE_STUCK_TASK]
      .map((task) => `* * * * * ${task}`)
      .join('\n'),
  });
}

/**
 * Whether `runner` still runs: it survives a database outage by itself (its pool reconnects and its listener
 * retries), so it only stops when told to or on an error of its own; /readyz then says so.
 */
export function runningState(runner: Runner): () => boolean {
  let running = true;
  void runner.promise.then(
    () => (running = false),
    () => (running = false),
  );
  return () => running;
}
