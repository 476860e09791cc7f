import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyHmacSignature } from '../../src/auth/signatures.js';

/** A warehouse system on a real port: records every signed request and answers with `status`. */
export interface TestWarehouse {
  readonly url: string;
  readonly received: { body: Record<string, unknown>; signatureValid: boolean }[];
  status: number;
  /** Answer this many requests with 500 before answering `status` again. */
  failNext: number;
  /** Wait this long before answering each request. */
  delayMs: number;
  /** Then never answer this many requests (a warehouse that hangs); each is recorded all the same. */
  hangNext: number;
  close(): Promise<void>;
}

function read(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

export async function startTestWarehouse(secret: string): Promise<TestWarehouse> {
  const warehouse: TestWarehouse = {
    url: '',
    received: [],
    status: 200,
    failNext: 0,
    delayMs: 0,
    hangNext: 0,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer(async (request, response) => {
    const raw = await read(request);
    warehouse.received.push({
      body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
      signatureValid: verifyHmacSignature(
        raw,
        secret,
        request.headers['x-oms-signature'] as string | undefined,
      ),
    });
    if (warehouse.hangNext > 0 && warehouse.failNext === 0) {
      warehouse.hangNext -= 1;
      return;
    }
    if (warehouse.delayMs > 0) await new Promise((r) => setTimeout(r, warehouse.delayMs));
    response.statusCode = warehouse.failNext > 0 ? 500 : warehouse.status;
    if (warehouse.failNext > 0) warehouse.failNext -= 1;
    response.end(JSON.stringify({ ok: warehouse.status < 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(warehouse, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/wms` });
}

/** Polls `check` until it returns a value or the time runs out. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
