import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { SESSION_COOKIE } from '../../src/http/cookies.js';
import { API_KEY } from '../support/orders.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const LOGIN =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token staff { username role } } }';
const ME = '{ me { username role } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sessionIdleMinutes: 120 });
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie set');
  return cookie;
}

describe('staff login', () => {
  it('returns a token and sets an HttpOnly, SameSite=Strict cookie', async () => {
    const { body, response } = await server.graphql<{ login: { token: string; staff: { role: string } } }>(
      LOGIN,
      {
        u: 'manager',
        p: 'manager123',
      },
    );
    expect(body.data?.login.staff).toEqual({ username: 'manager', role: 'MANAGER' });
    expect(body.data?.login.token).toMatch(/^oms_s_[\w-]{40,}$/);
    const cookie = sessionCookieOf(response);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
  });

  it('authenticates scripts by Bearer token and the console by cookie', async () => {
    const { body, response } = await server.graphql<{ login: { token: string } }>(LOGIN, {
      u: 'ops',
      p: 'ops123',
    });
    const bearer = await server.graphql(ME, {}, { authorization: `Bearer ${body.data!.login.token}` });
    expect(bearer.body.data).toEqual({ me: { username: 'ops', role: 'OPS' } });
    const cookie = sessionCookieOf(response).split(';')[0]!;
    const byCookie = await server.graphql(ME, {}, { cookie });
    expect(byCookie.body.data).toEqual({ me: { username: 'ops', role: 'OPS' } });
  });

  it('gives an unknown user and a wrong password the same refusal', async () => {
    const unknown = await server.graphql(LOGIN, { u: 'nobody', p: 'agent123' });
    const wrong = await server.graphql(LOGIN, { u: 'agent', p: 'wrong-password' });
    for (const { body } of [unknown, wrong]) {
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
  });

  it('issues a new token at every login, and logout ends only that session', async () => {
    const first = await server.graphql<{ login: { token: string } }>(LOGIN, { u: 'agent', p: 'agent123' });
    const second = await server.graphql<{ login: { token: string } }>(LOGIN, { u: 'agent', p: 'agent123' });
    const a = { authorization: `Bearer ${first.body.data!.login.token}` };
    const b = { authorization: `Bearer ${second.body.data!.login.token}` };
    expect(a.authorization).not.toBe(b.authorization);
    const logout = await server.graphql('mutation { logout }', {}, a);
    expect(logout.body.data).toEqual({ logout: true });
    expect(sessionCookieOf(logout.response)).toContain('Max-Age=0');
    expect((await server.graphql(ME, {}, a)).body.data).toEqual({ me: null });
    expect((await server.graphql(ME, {}, b)).body.data).toEqual({ me: { username: 'agent', role: 'AGENT' } });
  });

  it('treats a session idle past its limit as signed out', async () => {
    const { body } = await server.graphql<{ login: { token: string } }>(LOGIN, { u: 'agent', p: 'agent123' });
    await server.db.dataSource.query(`UPDATE sessions SET last_seen_at = now() - interval '3 hours'`);
    const me = await server.graphql(ME, {}, { authorization: `Bearer ${body.data!.login.token}` });
    expect(me.body.data).toEqual({ me: null });
  });

  it('stores only the hash of a session token', async () => {
    const { body } = await server.graphql<{ login: { token: string } }>(LOGIN, { u: 'agent', p: 'agent123' });
    const rows: { token_hash: string }[] = await server.db.dataSource.query(
      'SELECT token_hash FROM sessions',
    );
    expect(rows.some((r) => r.token_hash.includes(body.data!.login.token))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('refuses staff queries to an integration key with FORBIDDEN, and a bad key with UNAUTHENTICATED', async () => {
    const apiKeyCaller = await server.graphql('{ warehouses { code } }', {}, API_KEY);
    expect(apiKeyCaller.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badKey = await server.graphql('{ warehouses { code } }', {}, { authorization: 'ApiKey not-a-key' });
    expect(badKey.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('login throttling', () => {
  it('refuses the 11th wrong password for an account with RATE_LIMITED, even with the right one', async () => {
    for (let i = 0; i < 10; i++) {
      const { body } = await server.graphql(LOGIN, { u: 'admin', p: `wrong-${i}` });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const eleventh = await server.graphql(LOGIN, { u: 'admin', p: 'admin123' });
    expect(eleventh.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts attempts made at once: of 15 parallel wrong passwords, 10 are checked and 5 refused unchecked', async () => {
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => server.graphql(LOGIN, { u: 'manager', p: `parallel-${i}` })),
    );
    const codes = answers.map(({ body }) => body.errors?.[0]?.extensions?.code);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(5);
    // The address's allowance took only the ten checked ones: another account still signs in from it.
    const other = await server.graphql(LOGIN, { u: 'ops', p: 'ops123' });
    expect(other.body.errors).toBeUndefined();
  });
});

describe('GraphQL limits', () => {
  it('refuses a query nested too deep, too many aliases, and a batched body before any resolver runs', async () => {
    const levels = 8;
    const deep = `{ order(number: "1") { ${'subOrders { order { '.repeat(levels)}number${' } }'.repeat(levels)} } }`;
    expect((await server.graphql(deep)).body.errors?.[0]?.message).toMatch(/depth/i);
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect((await server.graphql(aliases)).body.errors?.[0]?.message).toMatch(/alias/i);
    const batched = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(batched.status).toBe(400);
    const huge = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(600 * 1024) } }),
    });
    expect(huge.status).toBe(413);
  });
});
