// The outbox worker as its own process (performance.md "Processes"; the fault tests kill it).
import 'reflect-metadata';
import { loadConfig } from './config.js';
import { openDatabase } from './database/database.js';
import { startWorker } from './jobs/worker.js';

const config = loadConfig();
const database = await openDatabase(config, () => {});
const worker = await startWorker(database.dataSource, database.url, {
  dispatchMaxAttempts: config.dispatchMaxAttempts,
});
console.log('OMS worker running');
const stop = async () => {
  await worker.stop();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
