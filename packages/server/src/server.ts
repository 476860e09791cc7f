import { createServer } from 'node:http';
import type { Router } from 'express';
import type { DataSource } from 'typeorm';
import { refuseToStart, StartRefused, type Config } from './config.js';
import { openDatabase } from './database/database.js';
import { createApp } from './http/app.js';
import { shutDownOnSignals } from './http/graceful-shutdown.js';
import type { Readiness } from './http/readiness.js';
import { GraphileOutbox } from './jobs/outbox.js';
import { startWorker, superviseWorker } from './jobs/worker.js';
import { logger } from './logging/logger.js';
import { usePersonalDataKey } from './privacy/personal-data-cipher.js';
import { refuseDemoDatabase } from './services/demo-database.js';
import { ensureFirstAdmin } from './services/first-admin.js';
import { createServices } from './services/index.js';

/**
 * What a composition adds to the product (the demo package is one); every part is optional. The server never knows
 * who extends it.
 */
export interface ServerExtension {
  /** Runs on the migrated database before anything else uses it (before the first-admin check). */
  readonly prepareDatabase?: (db: DataSource) => Promise<void>;
  /** Routes mounted on the one HTTP server, beside the product's own. */
  readonly routes?: readonly { path: string; router: Router }[];
  /** Runs once the server listens. */
  readonly onListening?: () => void;
  /** Stops at shutdown, alongside the listener and the worker. */
  readonly stopAlongside?: () => Promise<void> | void;
  /** Lines printed under the start banner, as given. */
  readonly bannerLines?: readonly string[];
}

/**
 * The product's composition root: opens (and migrates) the database, prepares it, creates the services, the outbox
 * worker and the HTTP app, listens on `config.port`, prints the start banner and stops gracefully on SIGTERM/SIGINT.
 * Outside demo mode a database demo mode seeded is refused, and so is an empty one without OMS_ADMIN_PASSWORD (the
 * message on stderr, status 1); a database that cannot be prepared ends the process with status 1 too.
 */
export async function startServer(config: Config, extension: ServerExtension = {}): Promise<void> {
  const started = Date.now();
  usePersonalDataKey(config.personalDataKey);
  const database = await openDatabase(config, (line) => logger.debug({ component: 'postgres' }, line), {
    note: (line) => logger.info({ component: 'postgres' }, line),
  }).catch(refuseToStart);
  const where = database.embedded ? `the embedded PostgreSQL under ${database.dataDir}` : 'DATABASE_URL';
  try {
    if (!config.demo) await refuseDemoDatabase(database.dataSource, where);
    await extension.prepareDatabase?.(database.dataSource);
    if ((await ensureFirstAdmin(database.dataSource, config.adminPassword)) === 'created')
      logger.info('created the first admin account: admin');
  } catch (error) {
    await database.close();
    if (error instanceof StartRefused) refuseToStart(error);
    logger.fatal({ err: error }, 'could not prepare the database');
    process.exit(1);
  }

  const services = createServices(
    database.dataSource,
    config,
    new GraphileOutbox(config.dispatchMaxAttempts),
  );
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
  const app = await createApp(database.dataSource, services, config, extension.routes, readiness);
  const server = createServer(app.express);
  server.listen(config.port, () => {
    extension.onListening?.();
    const url = `http://localhost:${config.port}/`;
    logger.info({ port: config.port, embeddedDatabase: database.embedded, demo: config.demo }, 'OMS ready');
    // For whoever started it by hand: a plain banner apart from the JSON log lines.
    console.log(`OMS ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${url}`);
    console.log(`  database: ${where}`);
    for (const line of extension.bannerLines ?? []) console.log(line);
  });

  shutDownOnSignals({
    server,
    readiness,
    drainMs: config.shutdownDrainMs,
    timeoutMs: config.shutdownTimeoutMs,
    stopAlongside: async () => {
      await extension.stopAlongside?.();
      await worker?.stop();
    },
    stopAfter: async () => {
      await app.stop();
      await database.close();
    },
    log: (line) => logger.info({ component: 'shutdown' }, line),
  });
}
