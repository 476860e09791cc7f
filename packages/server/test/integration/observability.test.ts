import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../../src/logging/logger.js';
import { seedReferenceData } from '../support/reference-data.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

// What the server writes to stdout: its JSON log lines (the product logs nowhere else).
const written: string[] = [];
let server: TestServer;
let headers: Record<string, string>;

beforeAll(async () => {
  logger.level = 'info';
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    const text = String(chunk);
    if (!text.startsWith('{"level"')) return write(chunk, ...rest);
    written.push(text);
    return true;
  }) as typeof process.stdout.write);
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  headers = await loginAs(server, 'ops', 'ops123');
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server?.close();
});

interface LogLine {
  level: string;
  reqId?: string;
  msg: string;
  operation?: string;
  status?: number;
  durationMs?: number;
  staffId?: string;
  err?: { message: string; stack: string; query?: string };
}

function lines(): LogLine[] {
  return written.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as LogLine);
}

/** The request's line; pino-http writes it when the response finishes, a tick after the client has it. */
async function lineOf(requestId: string): Promise<LogLine> {
  await vi.waitFor(() => expect(lines().find((l) => l.reqId === requestId)).toBeDefined());
  return lines().find((l) => l.reqId === requestId)!;
}

describe('request log lines', () => {
  it('writes one line per request with its id, operation, status, duration and staff id', async () => {
    const { response } = await server.graphql(
      'query WarehouseLoadPanel { warehouses { code } }',
      {},
      {
        ...headers,
        'x-request-id': 'trace-abc.123',
      },
    );
    expect(response.headers.get('x-request-id')).toBe('trace-abc.123');
    const line = await lineOf('trace-abc.123');
    expect(line).toMatchObject({
      level: 'info',
      operation: 'WarehouseLoadPanel',
      status: 200,
      msg: 'request completed',
    });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    const [staff] = (await server.db.dataSource.query(
      "SELECT id::text FROM staff WHERE username = 'ops'",
    )) as {
      id: string;
    }[];
    expect(line.staffId).toBe(staff!.id);
  });

  it('replaces an insane incoming request id with its own', async () => {
    const { response } = await server.graphql(
      'query WarehouseLoadPanel { warehouses { code } }',
      {},
      {
        ...headers,
        'x-request-id': 'x'.repeat(300),
      },
    );
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await lineOf(id!)).operation).toBe('WarehouseLoadPanel');
  });

  it('names a webhook by its route', async () => {
    const response = await fetch(`${server.url}/webhooks/wms/BJ01`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    const line = await lineOf(response.headers.get('x-request-id')!);
    expect(line).toMatchObject({
      level: 'warn',
      operation: 'POST /webhooks/wms/:warehouseCode',
      status: 401,
    });
  });

  it('holds no password, token, cookie or variables', async () => {
    await server.graphql('query Find($q: String) { __typename }', { q: '13812345678' }, headers);
    const text = written.join('');
    expect(text).not.toContain('ops123');
    expect(text).not.toContain(headers.authorization!.slice('Bearer '.length));
    expect(text).not.toContain('13812345678');
  });
});

describe('an unexpected error', () => {
  it('reaches the client as a masked INTERNAL_SERVER_ERROR with the request id; the log line has it all', async () => {
    // A deliberately broken database: the column the warehouses query reads is gone.
    await server.db.dataSource.query('ALTER TABLE warehouses RENAME COLUMN code TO code_gone');
    try {
      const { body, response } = await server.graphql(
        'query WarehouseLoadPanel { warehouses { code } }',
        {},
        headers,
      );
      const requestId = response.headers.get('x-request-id')!;
      const error = body.errors?.[0];
      expect(error?.message).toBe('Internal server error');
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      const text = JSON.stringify(body);
      for (const leak of ['SELECT', 'code_gone', 'does not exist', 'stack', 'QueryFailed', '.ts:', '.js:'])
        expect(text).not.toContain(leak);

      const line = await lineOf(requestId);
      expect(line).toMatchObject({ level: 'error', operation: 'WarehouseLoadPanel', reqId: requestId });
      expect(line.err?.message).toMatch(/column .*code.* does not exist/);
      expect(line.err?.stack).toContain('QueryFailedError');
      expect(line.err?.query).toMatch(/SELECT/);
    } finally {
      await server.db.dataSource.query('ALTER TABLE warehouses RENAME COLUMN code_gone TO code');
    }
  });

  it('in a plain route answers 500 with the request id and logs the error', async () => {
    // The wms webhook looks its warehouse up first: with the table gone from under it, that throws.
    await server.db.dataSource.query('ALTER TABLE warehouses RENAME TO warehouses_gone');
    try {
      const response = await fetch(`${server.url}/webhooks/wms/BJ01`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(500);
      const requestId = response.headers.get('x-request-id')!;
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: 'internal server error', requestId });
      const line = await lineOf(requestId);
      expect(line).toMatchObject({ level: 'error', status: 500 });
      expect(line.err?.message).toMatch(/warehouses/);
    } finally {
      await server.db.dataSource.query('ALTER TABLE warehouses_gone RENAME TO warehouses');
    }
  });
});
