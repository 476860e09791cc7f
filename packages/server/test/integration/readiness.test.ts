import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/testing/index.js';
import { createApp, type App } from '../../src/http/app.js';
import type { Readiness } from '../../src/http/readiness.js';
import { startWorker, superviseWorker, type SupervisedWorker } from '../../src/jobs/worker.js';
import { GraphileOutbox } from '../../src/jobs/outbox.js';
import { createServices } from '../../src/services/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// /readyz reflects the database, the in-process worker and a shutdown in progress; /healthz is liveness only.

let db: TestDatabase;
let worker: SupervisedWorker;
let app: App;
let server: Server;
let url: string;
const readiness: Readiness = { draining: false };

beforeAll(async () => {
  db = await createTestDatabase();
  const config = testConfig();
  worker = await superviseWorker(db.dataSource, (events) =>
    startWorker(db.dataSource, db.url, { config, concurrency: 1, events }),
  );
  readiness.workerRunning = worker.running;
  app = await createApp(
    db.dataSource,
    createServices(db.dataSource, config, new GraphileOutbox(config.dispatchMaxAttempts)),
    config,
    [],
    readiness,
  );
  server = createServer(app.express);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await app?.stop();
  await db?.drop();
});

const get = async (path: string) => {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('/readyz and /healthz', () => {
  it('is ready with the database up and the worker running', async () => {
    expect(await get('/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'up', worker: 'running' } },
    });
  });

  it('is not ready once the worker has stopped; /healthz still answers', async () => {
    await worker.stop();
    expect(await get('/readyz')).toEqual({
      status: 503,
      body: { status: 'worker stopped', checks: { database: 'up', worker: 'stopped' } },
    });
    expect((await get('/healthz')).status).toBe(200);
  });

  it('is not ready while draining, whatever else holds', async () => {
    readiness.draining = true;
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'shutting down' } });
    expect((await get('/healthz')).status).toBe(200);
  });

  it('says the worker is external when this process runs none', async () => {
    readiness.draining = false;
    delete readiness.workerRunning;
    expect(await get('/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'up', worker: 'external' } },
    });
  });
});
