import argon2 from 'argon2';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DUMMY_PASSWORD_HASH, PASSWORD_HASH_OPTIONS } from '../../src/auth/passwords.js';
import { SESSION_COOKIE } from '../../src/http/cookies.js';
import { seedReferenceData } from '../support/reference-data.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// docs/reliability.md, test plan row "authz: session rotation, logout, expiry, cookie flags; 11 wrong passwords", and the
// Sessions fact: opaque, server-side, rotated at login, ended at logout, idle and absolute expiry; HttpOnly,
// SameSite=Strict cookie; Argon2id; throttled per account and per address with no user enumeration by timing.
// auth.test.ts covers the login basics, idle expiry and the per-account throttle; this file the rest.

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const ME = '{ me { username } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());
afterEach(() => {
  vi.restoreAllMocks();
});

/** Each test signs in from an address of its own (the app trusts X-Forwarded-For from loopback only). */
let nextAddress = 1;
function address(): Record<string, string> {
  return { 'x-forwarded-for': `198.51.100.${nextAddress++}` };
}

function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie set');
  return cookie;
}

async function login(u: string, p: string, headers: Record<string, string> = address(), target = server) {
  const { body, response } = await target.graphql<{ login: { token: string } }>(LOGIN, { u, p }, headers);
  return { token: body.data?.login.token, errors: body.errors, response };
}

async function whoIs(headers: Record<string, string>): Promise<string | null> {
  const { body } = await server.graphql<{ me: { username: string } | null }>(ME, {}, headers);
  return body.data?.me?.username ?? null;
}

const bearer = (token: string | undefined) => ({ authorization: `Bearer ${token}` });

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/ and expires with the absolute limit; not Secure over plain HTTP', async () => {
    const { token, response } = await login('agent', 'agent123');
    const cookie = sessionCookieOf(response);
    expect(cookie.split('; ')).toEqual(
      expect.arrayContaining([`${SESSION_COOKIE}=${token}`, 'HttpOnly', 'SameSite=Strict', 'Path=/']),
    );
    expect(cookie).not.toMatch(/Secure/);
    const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]!);
    const [row] = await server.db.dataSource.query(
      'SELECT created_at, expires_at FROM sessions ORDER BY created_at DESC LIMIT 1',
    );
    expect(Math.abs(expires.getTime() - row.expires_at.getTime())).toBeLessThan(1_000);
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(
      server.config.sessionAbsoluteHours * 3_600_000,
    );
  });

  it('is Secure behind an HTTPS proxy', async () => {
    const { response } = await login('agent', 'agent123', { ...address(), 'x-forwarded-proto': 'https' });
    expect(sessionCookieOf(response).split('; ')).toContain('Secure');
  });

  it('is Secure in production whatever the transport, and so is the cookie logout clears', async () => {
    const production = await startTestServer({ production: true });
    try {
      await seedReferenceData(production.db.dataSource);
      const { token, response } = await login('agent', 'agent123', address(), production);
      expect(sessionCookieOf(response).split('; ')).toContain('Secure');
      const out = await production.graphql('mutation { logout }', {}, bearer(token));
      expect(sessionCookieOf(out.response).split('; ')).toContain('Secure');
    } finally {
      await production.close();
    }
  });

  it('is cleared by logout (same name and path, empty, Max-Age=0), and the session it carried is ended', async () => {
    const { response } = await login('ops', 'ops123');
    const cookie = { cookie: sessionCookieOf(response).split(';')[0]! };
    expect(await whoIs(cookie)).toBe('ops');
    const out = await server.graphql('mutation { logout }', {}, cookie);
    expect(out.body.data).toEqual({ logout: true });
    const cleared = sessionCookieOf(out.response).split('; ');
    expect(cleared).toEqual(
      expect.arrayContaining([`${SESSION_COOKIE}=`, 'Max-Age=0', 'Path=/', 'HttpOnly', 'SameSite=Strict']),
    );
    expect(await whoIs(cookie)).toBeNull();
  });
});

describe('session lifetime', () => {
  it('signs out a session past its absolute limit even while it is in use', async () => {
    const { token } = await login('agent', 'agent123');
    expect(await whoIs(bearer(token))).toBe('agent');
    // Active a second ago, but started longer ago than the absolute limit allows.
    await server.db.dataSource.query(
      `UPDATE sessions SET created_at = now() - interval '13 hours', last_seen_at = now(),
              expires_at = now() - interval '1 second'
        WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [token],
    );
    expect(await whoIs(bearer(token))).toBeNull();
  });

  it('does not extend the absolute limit with activity', async () => {
    const { token } = await login('agent', 'agent123');
    const expiry = async () =>
      (
        await server.db.dataSource.query(
          `SELECT expires_at FROM sessions WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
          [token],
        )
      )[0].expires_at.getTime();
    const before = await expiry();
    await server.db.dataSource.query(
      `UPDATE sessions SET last_seen_at = now() - interval '5 minutes'
        WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [token],
    );
    expect(await whoIs(bearer(token))).toBe('agent'); // refreshes last_seen_at
    expect(await expiry()).toBe(before);
  });
});

describe('rotation at login', () => {
  it.each([
    ['cookie', (token: string) => ({ cookie: `${SESSION_COOKIE}=${token}` })],
    ['Bearer token', bearer],
  ])('gives a new token and ends the session presented as a %s', async (_kind, present) => {
    const first = await login('agent', 'agent123');
    const old = present(first.token!);
    expect(await whoIs(old)).toBe('agent');
    const second = await login('agent', 'agent123', { ...address(), ...old });
    expect(second.token).toBeDefined();
    expect(second.token).not.toBe(first.token);
    expect(sessionCookieOf(second.response)).toContain(`${SESSION_COOKIE}=${second.token}`);
    expect(await whoIs(old)).toBeNull();
    expect(await whoIs(bearer(second.token))).toBe('agent');
  });

  it('ends the presented session when someone else signs in on the same browser', async () => {
    const agent = await login('agent', 'agent123');
    const cookie = { cookie: `${SESSION_COOKIE}=${agent.token}` };
    const manager = await login('manager', 'manager123', { ...address(), ...cookie });
    expect(await whoIs(bearer(manager.token))).toBe('manager');
    expect(await whoIs(cookie)).toBeNull();
  });

  it('keeps the presented session when the login fails', async () => {
    const first = await login('agent', 'agent123');
    const failed = await login('agent', 'wrong', { ...address(), ...bearer(first.token) });
    expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await whoIs(bearer(first.token))).toBe('agent');
  });
});

describe('login throttling per address and per account', () => {
  it('refuses any login from an address after 50 failures across many accounts, while other addresses sign in', async () => {
    const from = address();
    // Ten names (known and unknown), five failures each: no account reaches its own limit of ten.
    const names = [
      'agent',
      'lisi',
      'manager',
      'admin',
      'nobody',
      'root',
      'test',
      'guest',
      'staff',
      'zhangsan',
    ];
    for (const name of names) {
      for (let i = 0; i < 5; i++) {
        const { errors } = await login(name, `wrong-${i}`, from);
        expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    }
    const blocked = await login('manager', 'manager123', from);
    expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(blocked.token).toBeUndefined();
    const elsewhere = await login('manager', 'manager123', address());
    expect(elsewhere.token).toBeDefined();
  });

  it('refuses an account after 10 failures spread over 10 addresses, from an 11th address too', async () => {
    for (let i = 0; i < 10; i++) {
      const { errors } = await login('ops', `wrong-${i}`, address());
      expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await login('ops', 'ops123', address());
    expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('no user enumeration by timing: one Argon2id verification for every login', () => {
  async function verificationsOf(username: string, password: string) {
    const verify = vi.spyOn(argon2, 'verify');
    const { errors, token } = await login(username, password);
    const hashes = verify.mock.calls.map(([hash]) => hash);
    verify.mockRestore();
    return { hashes, errors, token };
  }
  const PARAMETERS = `$argon2id$v=19$m=${PASSWORD_HASH_OPTIONS.memoryCost},t=${PASSWORD_HASH_OPTIONS.timeCost},p=${PASSWORD_HASH_OPTIONS.parallelism}$`;

  it('checks an unknown user against a dummy hash made like every stored one', async () => {
    const [{ hash }] = await server.db.dataSource.query(
      "SELECT password_hash AS hash FROM staff WHERE username = 'agent'",
    );
    expect(hash.startsWith(PARAMETERS)).toBe(true);
    expect(DUMMY_PASSWORD_HASH.startsWith(PARAMETERS)).toBe(true);

    const unknown = await verificationsOf('no-such-user', 'agent123');
    expect(unknown.hashes).toEqual([DUMMY_PASSWORD_HASH]);
    const wrong = await verificationsOf('agent', 'not-the-password');
    expect(wrong.hashes).toEqual([hash]);
    const right = await verificationsOf('agent', 'agent123');
    expect(right.hashes).toEqual([hash]);
    expect(right.token).toBeDefined();
    expect(unknown.errors).toEqual(wrong.errors);
  });

  it('checks a disabled user against the dummy hash too, with the same refusal', async () => {
    await server.db.dataSource.query("UPDATE staff SET disabled_at = now() WHERE username = 'admin'");
    try {
      const disabled = await verificationsOf('admin', 'admin123');
      expect(disabled.hashes).toEqual([DUMMY_PASSWORD_HASH]);
      const unknown = await verificationsOf('no-such-admin', 'admin123');
      expect(disabled.errors).toEqual(unknown.errors);
    } finally {
      await server.db.dataSource.query("UPDATE staff SET disabled_at = NULL WHERE username = 'admin'");
    }
  });

  it('throttles a known and an unknown name alike, before any verification', async () => {
    const from = address();
    for (const name of ['manager', 'no-such-manager'])
      for (let i = 0; i < 10; i++) await login(name, `wrong-${i}`, address());
    const verify = vi.spyOn(argon2, 'verify');
    const known = await login('manager', 'manager123', from);
    const unknown = await login('no-such-manager', 'manager123', from);
    expect(verify).not.toHaveBeenCalled();
    expect(known.errors).toEqual(unknown.errors);
    expect(known.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});
