import type { Runner, WorkerEvents } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superviseWorker } from '../../src/jobs/worker.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** A stand-in for graphile-worker's runner: it never stops by itself; `poll` makes it ask for jobs as an idle one does. */
function fakeRunner(events: WorkerEvents, poll: boolean) {
  const timer = poll ? setInterval(() => events.emit('worker:getJob:start', {} as never), 20) : undefined;
  let stops = 0;
  const runner = {
    promise: new Promise<void>(() => {}),
    stop: async () => {
      stops += 1;
      clearInterval(timer);
    },
  } as unknown as Runner;
  return { runner, stops: () => stops };
}

describe('the worker supervisor', () => {
  it('replaces a worker that asks for no job for too long, and tells the silent one to stop', async () => {
    const started: ReturnType<typeof fakeRunner>[] = [];
    const logs: string[] = [];
    const supervisor = await superviseWorker(
      server.db.dataSource,
      async (events) => {
        // The first one hangs; the ones after it poll like a healthy worker.
        const fake = fakeRunner(events, started.length > 0);
        started.push(fake);
        return fake.runner;
      },
      (line) => logs.push(line),
      300,
    );
    try {
      await expect.poll(() => started.length, { timeout: 10_000 }).toBe(2);
      expect(started[0]!.stops()).toBe(1);
      expect(logs).toContain('the outbox worker asked for no job in 0 s; restarting it');
      expect(supervisor.running()).toBe(true);
      // The healthy replacement is left alone.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(started).toHaveLength(2);
    } finally {
      await supervisor.stop();
    }
  });
});
