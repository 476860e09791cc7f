import { Logger, run, type Runner } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import { deliverOutbound } from './deliver-outbound.js';
import { DELIVER_TASK } from './outbox.js';

/** Counts the worker keeps for /metrics. */
export const workerCounters = { deadLetters: 0 };

const quiet = new Logger(() => (level, message) => {
  if (level === 'error') console.error(`[worker] ${message}`);
});

/** Runs the outbox worker in this process (or its own, `pnpm --filter @oms/server worker`). */
export function startWorker(db: DataSource, connectionString: string, concurrency = 4): Promise<Runner> {
  return run({
    connectionString,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1_000,
    logger: quiet,
    taskList: { [DELIVER_TASK]: deliverOutbound(db, () => (workerCounters.deadLetters += 1)) },
  });
}
