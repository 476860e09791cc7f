// The outbox worker as its own process (docs/performance.md "Processes"; the fault tests kill it).
import 'reflect-metadata';
import { loadConfig, refuseToStart, type Config } from './config.js';
import { openDatabase } from './database/database.js';
import { startWorker, superviseWorker } from './jobs/worker.js';
import { logger } from './logging/logger.js';
import { usePersonalDataKey } from './privacy/personal-data-cipher.js';
import { refuseDemoDatabase } from './services/demo-database.js';

// Like the server: the same secrets, and never on a database demo mode seeded (it would deliver with demo secrets).
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  refuseToStart(error);
}
usePersonalDataKey(config.personalDataKey);
const database = await openDatabase(config, () => {}).catch(refuseToStart);
await refuseDemoDatabase(
  database.dataSource,
  database.embedded ? `the embedded PostgreSQL under ${database.dataDir}` : 'DATABASE_URL',
).catch(async (error: unknown) => {
  await database.close();
  refuseToStart(error);
});
const worker = await superviseWorker(database.dataSource, (events) =>
  startWorker(database.dataSource, database.url, {
    dispatchMaxAttempts: config.dispatchMaxAttempts,
    config,
    events,
  }),
);
logger.info('OMS worker running');

let stopping = false;
/** Lets in-flight jobs finish, then closes the pool; a worker stuck past the timeout exits anyway (its jobs re-run). */
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: worker stopping`);
  setTimeout(() => {
    logger.warn(`${signal}: worker still busy after ${config.shutdownTimeoutMs} ms; exiting`);
    process.exit(1);
  }, config.shutdownTimeoutMs).unref();
  await worker.stop();
  await database.close();
  logger.info(`${signal}: worker stopped`);
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
