import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Principal } from '../auth/principal.js';
import type { Logger } from '../logging/logger.js';
import { currentScope, runInScope, type RequestScope } from '../logging/request-scope.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming request id is kept when it is short and plain (no spaces, quotes or control characters). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's x-request-id when sane, else a new UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  const incoming = Array.isArray(header) ? header[0] : header;
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Probes and scrapes would drown the log at info: they log at debug. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

function scopeOf(res: ServerResponse): RequestScope | undefined {
  return (res as { locals?: { scope?: RequestScope } }).locals?.scope;
}

function pathOf(req: IncomingMessage): string {
  const url = (req as Request).originalUrl ?? req.url ?? '';
  // Never the query string: a GET /graphql carries variables there, a console URL may carry a searched phone.
  return url.split('?', 1)[0] ?? '';
}

/** The route a non-GraphQL request matched, with its parameters as names (`/webhooks/wms/:warehouseCode`). */
function routeOf(req: IncomingMessage): string {
  const { baseUrl, route } = req as Request;
  const routePath = typeof route?.path === 'string' ? route.path : null;
  const pattern =
    routePath === null ? pathOf(req) : `${baseUrl ?? ''}${routePath === '/' ? '' : routePath}` || '/';
  return `${req.method} ${pattern}`;
}

/** The fields of the one line a request writes. */
function requestLine(req: IncomingMessage, res: ServerResponse, durationMs: number) {
  const scope = scopeOf(res);
  return {
    method: req.method,
    path: pathOf(req),
    operation: scope?.operation ?? routeOf(req),
    status: res.statusCode,
    durationMs,
    ...(scope?.staffId ? { staffId: scope.staffId } : {}),
    ...(scope?.error ? { err: scope.error } : {}),
  };
}

/**
 * One JSON line per request (pino-http) with its id, operation, status, duration and staff id, and nothing of the
 * request or response themselves (no headers, no body, no variables). The request id is the caller's
 * x-request-id when sane, else a new one, and is echoed in the response's x-request-id. Then every later handler
 * runs inside the request's scope (logging/request-scope.ts), where code fills in what the line reports.
 */
export function requestLogging(logger: Logger): RequestHandler[] {
  const http = pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { responseTime: 'durationMs' },
    genReqId: (req, res) => {
      const id = requestIdOf(req.headers[REQUEST_ID_HEADER]);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (req, res, error) => {
      if (error || scopeOf(res)?.error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return PROBES.has(pathOf(req)) ? 'debug' : 'info';
    },
    customSuccessObject: (req, res, value: { durationMs?: number }) =>
      requestLine(req, res, value.durationMs ?? 0),
    customErrorObject: (req, res, error, value: { durationMs?: number }) => ({
      ...requestLine(req, res, value.durationMs ?? 0),
      err: scopeOf(res)?.error ?? error,
    }),
    customSuccessMessage: (req, res) => (res.writableEnded ? 'request completed' : 'request aborted'),
    customErrorMessage: () => 'request failed',
  });
  const enterScope: RequestHandler = (req, res, next) => {
    const scope: RequestScope = { requestId: String(req.id), log: req.log };
    res.locals.scope = scope;
    runInScope(scope, next);
  };
  return [http, enterScope];
}

/** Notes who is calling on the request's log line (their id only, never a name) and passes the principal on. */
export function noteCaller<P extends Principal>(principal: P): P {
  const scope = currentScope();
  if (scope && principal?.kind === 'staff') scope.staffId = principal.id;
  return principal;
}

/**
 * Express's last error handler: a client error (a body too large, malformed JSON) keeps its status and a plain
 * message; anything else is a 500 whose details go only to the request's log line, with the request id.
 */
export const errorResponder: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const { status, statusCode, expose, message } = (error ?? {}) as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
    message?: unknown;
  };
  const code = Number(status ?? statusCode);
  const scope = scopeOf(res);
  if (code >= 400 && code < 500) {
    res.status(code).json({ error: expose && typeof message === 'string' ? message : 'bad request' });
    return;
  }
  if (scope) scope.error ??= error;
  res.status(500).json({ error: 'internal server error', requestId: scope?.requestId });
};
