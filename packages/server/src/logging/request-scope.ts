import { AsyncLocalStorage } from 'node:async_hooks';
import { logger, type Logger } from './logger.js';

/**
 * What the request's log line reports, filled in while the request runs: the GraphQL operation (or the route), the
 * signed-in staff member's id, and an unexpected error, whose full text goes to the log and never to the client.
 */
export interface RequestScope {
  readonly requestId: string;
  /** The request's logger: every line it writes carries `reqId`. */
  readonly log: Logger;
  operation?: string;
  staffId?: string;
  error?: unknown;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `next` (and everything it awaits) inside `scope`. */
export function runInScope<T>(scope: RequestScope, next: () => T): T {
  return scopes.run(scope, next);
}

/** The scope of the request being handled, if any. */
export function currentScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** The request's logger inside a request (its lines carry `reqId`), else the process's. */
export function activeLogger(): Logger {
  return scopes.getStore()?.log ?? logger;
}
