// The outbox worker as its own process (docs/performance.md "Processes"; the fault tests kill it).
import 'reflect-metadata';
import { loadConfig } from './config.js';
import { openDatabase } from './database/database.js';
import { startWorker, superviseWorker } from './jobs/worker.js';
import { logger } from './logging/logger.js';

const config = loadConfig();
const database = await openDatabase(config, () => {});
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
