import type { RequestHandler } from 'express';
import type { DataSource } from 'typeorm';

/** What `/readyz` reports beyond the database; main.ts flips `draining` when a shutdown begins. */
export interface Readiness {
  draining: boolean;
  /** Whether this process's outbox worker is running; absent when the worker runs as a process of its own. */
  workerRunning?: () => boolean;
}

/** A readiness probe answers within this, even when the database does not (no hang behind a dead pool). */
export const READINESS_TIMEOUT_MS = 2_000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `/readyz`: 503 from the moment a shutdown begins (so a load balancer stops sending before the listener closes),
 * while the database does not answer or has migrations pending, and while this process's outbox worker is stopped.
 * `/healthz` stays liveness only: a restart cures none of these.
 */
export function readinessProbe(db: DataSource, readiness: Readiness): RequestHandler {
  return async (_req, res) => {
    if (readiness.draining) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    const worker = readiness.workerRunning ? (readiness.workerRunning() ? 'running' : 'stopped') : 'external';
    let database: 'up' | 'unreachable' | 'migrations pending';
    try {
      const pending = await within(
        db.query('SELECT 1').then(() => db.showMigrations()),
        READINESS_TIMEOUT_MS,
      );
      database = pending ? 'migrations pending' : 'up';
    } catch {
      database = 'unreachable';
    }
    const ready = database === 'up' && worker !== 'stopped';
    const status = ready
      ? 'ready'
      : database === 'unreachable'
        ? 'database unreachable'
        : database === 'migrations pending'
          ? 'migrations pending'
          : 'worker stopped';
    res.status(ready ? 200 : 503).json({ status, checks: { database, worker } });
  };
}
