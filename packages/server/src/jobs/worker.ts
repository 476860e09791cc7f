import { EventEmitter } from 'node:events';
import { Logger, run, type Runner, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { logger } from '../logging/logger.js';
import { createServices, type ServiceConfig } from '../services/index.js';
import { deliverOutbound } from './deliver-outbound.js';
import { deliverRefund } from './deliver-refund.js';
import { DELIVER_TASK, EXPIRE_TASK, GraphileOutbox, REFUND_TASK } from './outbox.js';
import { REQUEUE_STUCK_TASK, requeueStuck } from './requeue-stuck.js';
import { EXPIRE_IDEMPOTENCY_KEYS_SQL } from '../services/helpers/idempotency.js';

/** The cron task that flags late sub-orders, every minute. */
export const FLAG_LATE_TASK = 'flag-late-sub-orders';
/** The cron task that closes orders whose payment window ran out, every minute. */
export const CLOSE_UNPAID_TASK = 'close-unpaid-orders';
/** The cron task that deletes idempotency keys past their 24 hours, every hour. */
export const EXPIRE_KEYS_TASK = 'expire-idempotency-keys';

// A failed delivery is recorded on its outbox row (attempts, last error, dispatch state); only the worker's own
// trouble is worth a log line.
const quiet = new Logger(() => (level, message) => {
  if (level === 'error' && !message.startsWith('Failed task')) logger.error({ component: 'worker' }, message);
});

/**
 * The worker's connections. graphile-worker ends a pool of its own making without waiting for it, and removes the
 * pool's error handlers first: a connection still closing when PostgreSQL goes away a moment later (the embedded
 * server stops right after the worker at shutdown) then emitted an unhandled error and the process exited 1 instead
 * of 0. With a pool of ours, the handlers stay and stopping the worker waits for the pool to end.
 */
function workerPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on('error', (error) =>
    logger.error({ component: 'worker' }, `PostgreSQL idle client generated error: ${error.message}`),
  );
  pool.on('connect', (client) =>
    client.on('error', (error) =>
      logger.error({ component: 'worker' }, `PostgreSQL active client generated error: ${error.message}`),
    ),
  );
  return pool;
}

/**
 * Runs the outbox worker in this process (or its own, `pnpm --filter @oms/server worker`). Each task is a thin
 * driver of a use case: delivery over HTTP reports to the delivery service, a hold's expiry, the SLA flags and the
 * payment window are the services' own; only re-queueing stuck deliveries is the queue's business.
 */
export async function startWorker(
  db: DataSource,
  connectionString: string,
  options: {
    concurrency?: number;
    dispatchMaxAttempts?: number;
    paymentWindowMinutes?: number;
    /** The use cases' settings (the two above override theirs). */
    config: ServiceConfig;
    events?: WorkerEvents;
    /** How long a warehouse may take to answer a delivery (default 10 s). */
    deliveryTimeoutMs?: number;
  },
): Promise<Runner> {
  const config = { ...options.config };
  if (options.paymentWindowMinutes !== undefined) config.paymentWindowMinutes = options.paymentWindowMinutes;
  const outbox = new GraphileOutbox(options.dispatchMaxAttempts ?? 8);
  const services = createServices(db, config, outbox);
  const pool = workerPool(connectionString);
  let ended: Promise<void> | undefined;
  const end = () => (ended ??= pool.end());
  const runner = await run({
    pgPool: pool,
    events: options.events,
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    // Completions and failures go through graphile-worker's batcher, which a graceful stop flushes before it closes
    // its pool; unbatched, a job finished during the stop could stay locked (and re-run hours later).
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    pollInterval: 1_000,
    logger: quiet,
    taskList: {
      [DELIVER_TASK]: deliverOutbound(db, services.deliveries, options.deliveryTimeoutMs),
      [REFUND_TASK]: deliverRefund(services.refundDeliveries, options.deliveryTimeoutMs),
      [EXPIRE_TASK]: async (payload) => {
        await services.intercepts.expire((payload as { interceptionId: string }).interceptionId);
      },
      [FLAG_LATE_TASK]: () => services.sla.flagLate(),
      [CLOSE_UNPAID_TASK]: async () => {
        await services.paymentWindow.closeExpired();
      },
      [REQUEUE_STUCK_TASK]: requeueStuck(db, outbox),
      [EXPIRE_KEYS_TASK]: async () => {
        await db.query(EXPIRE_IDEMPOTENCY_KEYS_SQL);
      },
    },
    crontab: [
      ...[FLAG_LATE_TASK, CLOSE_UNPAID_TASK, REQUEUE_STUCK_TASK].map((task) => `* * * * * ${task}`),
      `17 * * * * ${EXPIRE_KEYS_TASK}`,
    ].join('\n'),
  }).catch(async (error: unknown) => {
    await end();
    throw error;
  });
  // Stopped or stopped by itself (the supervisor restarts it with a new pool): either way its pool ends.
  void runner.promise.then(end, end);
  const stop = runner.stop;
  return Object.assign(runner, {
    stop: async (reason?: string) => {
      await stop(reason);
      await end();
    },
  });
}

/** An outbox worker kept running: restarted when it stops on an error of its own. */
export interface SupervisedWorker {
  /** False while it is down between restarts, and once stopped. */
  readonly running: () => boolean;
  /** Stops it for good, letting in-flight jobs finish. */
  readonly stop: () => Promise<void>;
}

/** A worker that has neither asked for a job nor finished one for this long is taken for hung. */
export const WORKER_HANG_MS = 60_000;

/**
 * Runs `start()`'s worker and starts a new one whenever it stops by itself. graphile-worker rides out a database
 * outage for the most part (its pool reconnects, its listener retries), but it shuts itself down when it cannot record
 * a job's outcome ("Failed to fail jobs … Connection terminated"), which a PostgreSQL restart mid-job causes. The
 * jobs the dead worker still locked are unlocked first (they would wait hours for the lock timeout otherwise);
 * restarts back off from 1 s to 30 s while the database is still away.
 *
 * A worker can also hang without stopping: once in CI, after a restart, it held two jobs and fetched nothing for four
 * minutes while reporting itself running. An idle worker asks for a job every second and a job is bounded (10 s
 * delivery, 35 s per statement), so a worker silent for `hangMs` is replaced the same way: a new one started, the
 * silent one's jobs unlocked, and the silent one told to stop, without waiting for it.
 */
export async function superviseWorker(
  db: DataSource,
  start: (events: WorkerEvents) => Promise<Runner>,
  log: (message: string) => void = (message) => logger.warn({ component: 'worker' }, message),
  hangMs = WORKER_HANG_MS,
): Promise<SupervisedWorker> {
  let lastSign = Date.now();
  const launch = async () => {
    const events = new EventEmitter() as WorkerEvents;
    const poolIds: string[] = [];
    events.on('pool:create', ({ workerPool }) => poolIds.push(workerPool.id));
    const alive = () => {
      lastSign = Date.now();
    };
    events.on('worker:getJob:start', alive);
    events.on('job:complete', alive);
    const runner = await start(events);
    lastSign = Date.now();
    return { runner, poolIds };
  };
  let current = await launch();
  let up = true;
  let stopping = false;
  /** Replaces `gone` (stopped or hung) once, however many times it is reported. */
  const replace = async (gone: Awaited<ReturnType<typeof launch>>, why: string) => {
    if (stopping || gone !== current || !up) return;
    up = false;
    log(`the outbox worker ${why}; restarting it`);
    for (let delay = 1_000; !stopping; delay = Math.min(delay * 2, 30_000)) {
      await new Promise((r) => setTimeout(r, delay));
      if (stopping) return;
      try {
        await db.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [gone.poolIds]);
        current = await launch();
        up = true;
        log('the outbox worker runs again');
        watch(current);
        return;
      } catch (error) {
        log(`the outbox worker could not start yet: ${String(error)}`);
      }
    }
  };
  const watch = (running: Awaited<ReturnType<typeof launch>>) => {
    void running.runner.promise.catch(() => {}).then(() => replace(running, 'stopped by itself'));
  };
  const watchdog = setInterval(
    () => {
      if (stopping || !up || Date.now() - lastSign < hangMs) return;
      const hung = current;
      void hung.runner.stop().catch(() => {});
      void replace(hung, `asked for no job in ${Math.round(hangMs / 1000)} s`);
    },
    Math.min(5_000, hangMs / 2),
  );
  watchdog.unref();
  watch(current);
  return {
    running: () => up && !stopping,
    stop: async () => {
      stopping = true;
      clearInterval(watchdog);
      if (up) await current.runner.stop();
    },
  };
}
