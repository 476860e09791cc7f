import 'reflect-metadata';
import { createServer } from 'node:http';
import { loadConfig } from './config.js';
import { openDatabase } from './database/database.js';
import { createApp } from './http/app.js';
import { createServices } from './services/index.js';
import { seedDemoIfEmpty, DEMO_LOGINS } from './seed/demo.js';
import { ensureFirstAdmin } from './seed/first-admin.js';
import { GraphileOutbox } from './jobs/outbox.js';
import { startWorker, superviseWorker } from './jobs/worker.js';
import { shutDownOnSignals } from './http/graceful-shutdown.js';
import type { Readiness } from './http/readiness.js';
import { configureDemoWarehouses, createSimulators } from './simulators/index.js';
import { logger } from './logging/logger.js';

const config = loadConfig();
const started = Date.now();
const database = await openDatabase(config, (line) => logger.debug({ component: 'postgres' }, line));
try {
  if (config.demo)
    await seedDemoIfEmpty(database.dataSource, config, (line) => logger.info({ component: 'seed' }, line));
  else if ((await ensureFirstAdmin(database.dataSource, config.adminPassword)) === 'created')
    logger.info('created the first admin account: admin');
} catch (error) {
  logger.fatal({ err: error }, 'could not prepare the database');
  await database.close();
  process.exit(1);
}

if (config.demo) await configureDemoWarehouses(database.dataSource, config);
const services = createServices(database.dataSource, config, new GraphileOutbox(config.dispatchMaxAttempts));
const simulators = config.simulators ? createSimulators(config) : undefined;
const worker = config.worker
  ? await superviseWorker(database.dataSource, (events) =>
      startWorker(database.dataSource, database.url, {
        dispatchMaxAttempts: config.dispatchMaxAttempts,
        config,
        events,
      }),
    )
  : undefined;
const readiness: Readiness = { draining: false, workerRunning: worker?.running };
const app = await createApp(database.dataSource, services, config, simulators?.routes, readiness);
const server = createServer(app.express);
server.listen(config.port, () => {
  simulators?.start();
  const url = `http://localhost:${config.port}/`;
  logger.info({ port: config.port, embeddedDatabase: database.embedded, demo: config.demo }, 'OMS ready');
  // For whoever ran `pnpm start`: a plain banner with the demo logins, apart from the JSON log lines.
  console.log(`OMS ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${url}`);
  console.log(
    `  database: ${database.embedded ? `embedded PostgreSQL under ${config.dataDir}` : 'DATABASE_URL'}`,
  );
  if (config.demo) {
    console.log('  demo logins (username / password):');
    for (const login of DEMO_LOGINS)
      console.log(`    ${login.role.padEnd(8)} ${login.username} / ${login.password}`);
  }
});

shutDownOnSignals({
  server,
  readiness,
  drainMs: config.shutdownDrainMs,
  timeoutMs: config.shutdownTimeoutMs,
  stopAlongside: async () => {
    simulators?.stop();
    await worker?.stop();
  },
  stopAfter: async () => {
    await app.stop();
    await database.close();
  },
  log: (line) => logger.info({ component: 'shutdown' }, line),
});
