import type { Server } from 'node:http';
import type { Readiness } from './readiness.js';

/** What a graceful shutdown stops, and how long it may take. */
export interface ShutdownPlan {
  readonly server: Server;
  readonly readiness: Readiness;
  /** How long /readyz answers 503 while the listener still serves (SIGTERM only; SIGINT skips it). */
  readonly drainMs: number;
  /** Past this the process exits with status 1; PostgreSQL rolls back whatever transaction was still open. */
  readonly timeoutMs: number;
  /** Stops alongside the listener, e.g. the outbox worker, which lets its in-flight jobs finish. */
  readonly stopAlongside: () => Promise<void>;
  /** Stops once no request is in flight any more: the GraphQL server, the pool, the embedded PostgreSQL. */
  readonly stopAfter: () => Promise<void>;
  readonly log: (line: string) => void;
}

/** Resolves once the listener is closed and every connection is gone; idle keep-alive sockets are closed. */
function closeListener(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * SIGTERM (and SIGINT) end the process gracefully (docs/reliability.md "SIGTERM during in-flight mutations"): readiness
 * turns 503 first, the listener stays open for `drainMs` so a load balancer stops sending, then closes while
 * in-flight requests finish (each mutation is one transaction: it commits or, past the hard timeout, rolls back),
 * the worker finishes its jobs, and the pool and the embedded PostgreSQL stop; then exit 0.
 */
export function shutDownOnSignals(plan: ShutdownPlan): void {
  let started = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const begun = Date.now();
    plan.readiness.draining = true;
    const hard = setTimeout(() => {
      plan.log(`${signal}: shutdown still unfinished after ${plan.timeoutMs} ms; exiting`);
      process.exit(1);
    }, plan.timeoutMs);
    hard.unref();
    const drainMs = signal === 'SIGTERM' ? plan.drainMs : 0;
    plan.log(`${signal}: shutting down (not ready; listener closes in ${drainMs} ms)`);
    try {
      await new Promise((r) => setTimeout(r, drainMs));
      await Promise.all([closeListener(plan.server), plan.stopAlongside()]);
      await plan.stopAfter();
      plan.log(`${signal}: stopped cleanly in ${Date.now() - begun} ms`);
      process.exit(0);
    } catch (error) {
      plan.log(`${signal}: shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
