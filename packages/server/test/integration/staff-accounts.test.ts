import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

// docs/administration.md "Staff accounts": ADMIN creates accounts, changes roles, disables (every session ends at
// once) and enables them, resets passwords (their sessions end); guards against disabling oneself and losing the last
// admin; each change audited in its transaction with no password in the row; bad input changes nothing.

let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  admin = await loginAs(server, 'admin', 'admin123');
});
afterAll(() => server?.close());

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
interface Account {
  id: string;
  username: string;
  displayName: string;
  role: string;
  active: boolean;
  disabledReason: string | null;
  lastLoginAt: string | null;
}

const ACCOUNT = 'id username displayName role active disabledReason lastLoginAt';
const ME = '{ me { username role } }';

async function call<T>(query: string, variables: Record<string, unknown>, headers = admin) {
  const { body } = await server.graphql<T>(query, variables, headers);
  return { data: body.data, errors: body.errors as Errors };
}

const code = (errors: Errors) => errors?.[0]?.extensions?.code;
const field = (errors: Errors) => errors?.[0]?.extensions?.field;

async function createStaff(input: Record<string, unknown>, headers = admin) {
  return call<{ createStaff: { staff: Account } }>(
    `mutation($i: CreateStaffInput!) { createStaff(input: $i) { staff { ${ACCOUNT} } } }`,
    { i: input },
    headers,
  );
}

async function change(mutation: string, input: Record<string, unknown>, headers = admin) {
  const { data, errors } = await call<Record<string, { staff: Account }>>(
    `mutation($i: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $i) { staff { ${ACCOUNT} } } }`,
    { i: input },
    headers,
  );
  return { staff: data?.[mutation]?.staff, errors };
}

async function newAccount(username: string, role = 'AGENT', password = 'correct horse 1') {
  const { data, errors } = await createStaff({ username, displayName: `测试 ${username}`, password, role });
  expect(errors).toBeUndefined();
  return data!.createStaff.staff;
}

async function tryLogin(username: string, password: string) {
  const { body } = await server.graphql<{ login: { token: string } }>(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: password },
  );
  return body.data ? { authorization: `Bearer ${body.data.login.token}` } : null;
}

async function whoIs(headers: Record<string, string>) {
  const { data } = await call<{ me: { username: string; role: string } | null }>(ME, {}, headers);
  return data?.me ?? null;
}

async function auditRows(action: string) {
  return server.db.dataSource.query(
    `SELECT a.action, a.before, a.after, a.reason, a.role, st.username AS actor
     FROM audit_log a JOIN staff st ON st.id = a.staff_id WHERE a.action = $1 ORDER BY a.id`,
    [action],
  ) as Promise<
    { action: string; before: unknown; after: unknown; reason: string; role: string; actor: string }[]
  >;
}

async function counts() {
  const [row] = await server.db.dataSource.query(
    `SELECT (SELECT count(*)::int FROM staff) AS staff, (SELECT count(*)::int FROM audit_log) AS audit,
       (SELECT count(*)::int FROM sessions WHERE revoked_at IS NULL) AS sessions,
       (SELECT string_agg(password_hash || role || coalesce(disabled_at::text, ''), ',' ORDER BY id) FROM staff) AS accounts`,
  );
  return row as { staff: number; audit: number; sessions: number; accounts: string };
}

describe('creating staff accounts', () => {
  it('creates an account its person can sign in with, lists it without any password, and audits it', async () => {
    const password = 'Spring-rain 2024';
    const created = await newAccount('li.na', 'AGENT', password);
    expect(created).toMatchObject({
      username: 'li.na',
      displayName: '测试 li.na',
      role: 'AGENT',
      active: true,
    });
    expect(created.lastLoginAt).toBeNull();

    const lina = await tryLogin('li.na', password);
    expect(lina).not.toBeNull();
    expect(await whoIs(lina!)).toEqual({ username: 'li.na', role: 'AGENT' });

    const { data } = await call<{ staff: Account[] }>(`{ staff { ${ACCOUNT} } }`, {});
    const listed = data!.staff.find((s) => s.username === 'li.na')!;
    expect(listed.id).toBe(created.id);
    expect(listed.lastLoginAt).not.toBeNull();
    expect(data!.staff.map((s) => s.username)).toEqual(expect.arrayContaining(['admin', 'agent', 'li.na']));

    // Nothing the API shows of accounts can carry a password: no such field exists on the type.
    const { data: type } = await call<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "StaffAccount") { fields { name } } }',
      {},
    );
    expect(type!.__type.fields.map((f) => f.name).filter((n) => /password|hash/i.test(n))).toEqual([]);

    const [stored] = await server.db.dataSource.query('SELECT password_hash FROM staff WHERE username = $1', [
      'li.na',
    ]);
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);

    const [row] = await auditRows('CREATE_STAFF');
    expect(row).toMatchObject({
      actor: 'admin',
      role: 'ADMIN',
      after: { staffId: created.id, username: 'li.na', displayName: '测试 li.na', role: 'AGENT' },
      reason: 'new account li.na',
    });
    expect(JSON.stringify(row)).not.toContain(password);
    expect(JSON.stringify(row)).not.toContain(stored.password_hash);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    await newAccount('taken.name');
    const before = await counts();
    const good = { username: 'wang.fang', displayName: '王芳', password: 'long enough pw', role: 'OPS' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, username: 'Wang Fang' }, 'username'],
      [{ ...good, username: 'w' }, 'username'],
      [{ ...good, username: 'taken.name' }, 'username'],
      [{ ...good, displayName: '   ' }, 'displayName'],
      [{ ...good, displayName: 'x'.repeat(65) }, 'displayName'],
      [{ ...good, password: 'short pw 11' }, 'password'],
      [{ ...good, password: 'x'.repeat(129) }, 'password'],
      [{ ...good, reason: 'x'.repeat(501) }, 'reason'],
    ];
    for (const [input, expected] of cases) {
      const { errors } = await createStaff(input);
      expect({ input, code: code(errors), field: field(errors) }).toEqual({
        input,
        code: 'BAD_USER_INPUT',
        field: expected,
      });
    }
    expect(await counts()).toEqual(before);
    expect(await tryLogin('wang.fang', good.password)).toBeNull();
  });

  it('gives one of two simultaneous creations of the same username, the other is told the name is taken', async () => {
    const input = { username: 'twin', displayName: '双胞胎', password: 'twin password 1', role: 'AGENT' };
    const results = await Promise.all([createStaff(input), createStaff(input)]);
    expect(results.filter((r) => r.data).length).toBe(1);
    const refused = results.find((r) => r.errors)!;
    expect([code(refused.errors), field(refused.errors)]).toEqual(['BAD_USER_INPUT', 'username']);
    const [{ n }] = await server.db.dataSource.query(
      "SELECT count(*)::int AS n FROM staff WHERE username = 'twin'",
    );
    expect(n).toBe(1);
  });
});

describe('changing roles', () => {
  it('takes effect on the person’s next request, and is audited with the old and new role', async () => {
    const zhou = await newAccount('zhou.jie', 'AGENT');
    const session = (await tryLogin('zhou.jie', 'correct horse 1'))!;
    const queue = '{ interceptions(first: 1) { edges { cursor } } }';
    expect(code((await call(queue, {}, session)).errors)).toBe('FORBIDDEN');

    const { staff, errors } = await change('setStaffRole', {
      staffId: zhou.id,
      role: 'OPS',
      reason: '调岗到运营',
    });
    expect(errors).toBeUndefined();
    expect(staff!.role).toBe('OPS');
    // The same session, no new login: the role is read with the session on every request.
    expect(await whoIs(session)).toEqual({ username: 'zhou.jie', role: 'OPS' });
    expect((await call(queue, {}, session)).errors).toBeUndefined();

    const rows = await auditRows('SET_STAFF_ROLE');
    expect(rows.at(-1)).toMatchObject({
      before: { staffId: zhou.id, username: 'zhou.jie', role: 'AGENT' },
      after: { staffId: zhou.id, username: 'zhou.jie', role: 'OPS' },
      reason: '调岗到运营',
    });

    // The same role again changes nothing and writes no second row.
    await change('setStaffRole', { staffId: zhou.id, role: 'OPS' });
    expect((await auditRows('SET_STAFF_ROLE')).length).toBe(rows.length);
  });

  it('refuses an unknown account (NOT_FOUND) and a malformed id (BAD_USER_INPUT on staffId)', async () => {
    const before = await counts();
    expect(code((await change('setStaffRole', { staffId: '987654321', role: 'OPS' })).errors)).toBe(
      'NOT_FOUND',
    );
    const malformed = await change('setStaffRole', { staffId: 'alice', role: 'OPS' });
    expect([code(malformed.errors), field(malformed.errors)]).toEqual(['BAD_USER_INPUT', 'staffId']);
    expect(await counts()).toEqual(before);
  });
});

describe('disabling and enabling', () => {
  it('ends every open session at once, refuses sign-in, and lets the person back in only when enabled again', async () => {
    const xu = await newAccount('xu.ming', 'OPS');
    const first = (await tryLogin('xu.ming', 'correct horse 1'))!;
    const second = (await tryLogin('xu.ming', 'correct horse 1'))!;
    expect(await whoIs(first)).not.toBeNull();
    expect(await whoIs(second)).not.toBeNull();

    const { staff, errors } = await change('disableStaff', { staffId: xu.id, reason: '离职' });
    expect(errors).toBeUndefined();
    expect(staff).toMatchObject({ active: false, disabledReason: '离职' });

    // The very next request with either token is anonymous, and a protected one is UNAUTHENTICATED.
    expect(await whoIs(first)).toBeNull();
    expect(code((await call('{ orders(first: 1) { edges { cursor } } }', {}, second)).errors)).toBe(
      'UNAUTHENTICATED',
    );
    const [{ live }] = await server.db.dataSource.query(
      'SELECT count(*)::int AS live FROM sessions WHERE staff_id = $1 AND revoked_at IS NULL',
      [xu.id],
    );
    expect(live).toBe(0);
    expect(await tryLogin('xu.ming', 'correct horse 1')).toBeNull();

    const [disabled] = (await auditRows('DISABLE_STAFF')).slice(-1);
    expect(disabled).toMatchObject({
      before: { staffId: xu.id, active: true },
      after: { staffId: xu.id, active: false, sessionsEnded: 2 },
      reason: '离职',
    });

    // Disabling again changes nothing more.
    const audited = (await counts()).audit;
    expect((await change('disableStaff', { staffId: xu.id, reason: '再次' })).staff!.active).toBe(false);
    expect((await counts()).audit).toBe(audited);

    const enabled = await change('enableStaff', { staffId: xu.id, reason: '返聘' });
    expect(enabled.staff).toMatchObject({ active: true, disabledReason: null });
    // The old sessions stay ended; a new sign-in works.
    expect(await whoIs(first)).toBeNull();
    const again = await tryLogin('xu.ming', 'correct horse 1');
    expect(again).not.toBeNull();
    expect(await whoIs(again!)).toEqual({ username: 'xu.ming', role: 'OPS' });
    expect((await auditRows('ENABLE_STAFF')).at(-1)).toMatchObject({
      after: { staffId: xu.id, active: true },
      reason: '返聘',
    });
  });

  it('requires a reason, and never lets admins disable themselves', async () => {
    const target = await newAccount('gao.yuan');
    const [{ id: adminId }] = await server.db.dataSource.query(
      "SELECT id::text FROM staff WHERE username = 'admin'",
    );
    const before = await counts();
    const blank = await change('disableStaff', { staffId: target.id, reason: '  ' });
    expect([code(blank.errors), field(blank.errors)]).toEqual(['BAD_USER_INPUT', 'reason']);
    const self = await change('disableStaff', { staffId: adminId, reason: '试试' });
    expect([code(self.errors), field(self.errors)]).toEqual(['BAD_USER_INPUT', 'staffId']);
    expect(self.errors![0]!.message).toMatch(/your own account/);
    expect(await counts()).toEqual(before);
    expect(await whoIs(admin)).toEqual({ username: 'admin', role: 'ADMIN' });
  });
});

describe('the last active admin', () => {
  it('cannot be demoted or disabled, by themselves or by an admin who is then demoted', async () => {
    // A fresh server of its own: exactly one admin to begin with.
    const own = await startTestServer();
    try {
      await seedReferenceData(own.db.dataSource);
      const boss = await loginAs(own, 'admin', 'admin123');
      const gql = async (query: string, variables: Record<string, unknown>, headers = boss) =>
        (await own.graphql(query, variables, headers)).body as { data?: unknown; errors?: Errors };
      const [{ id: adminId }] = await own.db.dataSource.query(
        "SELECT id::text FROM staff WHERE username = 'admin'",
      );
      const setRole = 'mutation($i: SetStaffRoleInput!) { setStaffRole(input: $i) { staff { role } } }';
      const disable = 'mutation($i: DisableStaffInput!) { disableStaff(input: $i) { staff { active } } }';

      const alone = await gql(setRole, { i: { staffId: adminId, role: 'MANAGER' } });
      expect([code(alone.errors), field(alone.errors)]).toEqual(['BAD_USER_INPUT', 'staffId']);
      expect(alone.errors![0]!.message).toMatch(/last active admin/);

      // With a second admin, the first may step down; then the second is the last and cannot.
      const created = await gql(
        'mutation($i: CreateStaffInput!) { createStaff(input: $i) { staff { id } } }',
        { i: { username: 'admin2', displayName: '第二管理员', password: 'second admin pw', role: 'ADMIN' } },
      );
      const admin2Id = (created.data as { createStaff: { staff: { id: string } } }).createStaff.staff.id;
      const admin2 = await loginAs(own, 'admin2', 'second admin pw');
      expect((await gql(setRole, { i: { staffId: adminId, role: 'MANAGER' } })).errors).toBeUndefined();
      // The demoted admin is refused at once.
      expect(code((await gql(disable, { i: { staffId: admin2Id, reason: 'x' } })).errors)).toBe('FORBIDDEN');
      const last = await gql(setRole, { i: { staffId: admin2Id, role: 'OPS' } }, admin2);
      expect([code(last.errors), field(last.errors)]).toEqual(['BAD_USER_INPUT', 'staffId']);
      const [{ n }] = await own.db.dataSource.query(
        "SELECT count(*)::int AS n FROM staff WHERE role = 'ADMIN' AND disabled_at IS NULL",
      );
      expect(n).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('survives two admins disabling each other at the same moment: one wins, one admin stays', async () => {
    const own = await startTestServer();
    try {
      await seedReferenceData(own.db.dataSource);
      const boss = await loginAs(own, 'admin', 'admin123');
      await own.graphql(
        'mutation($i: CreateStaffInput!) { createStaff(input: $i) { staff { id } } }',
        { i: { username: 'admin2', displayName: '第二管理员', password: 'second admin pw', role: 'ADMIN' } },
        boss,
      );
      const admin2 = await loginAs(own, 'admin2', 'second admin pw');
      const ids = Object.fromEntries(
        (
          (await own.db.dataSource.query(
            "SELECT username, id::text FROM staff WHERE username IN ('admin', 'admin2')",
          )) as { username: string; id: string }[]
        ).map((r) => [r.username, r.id]),
      );
      const disable = 'mutation($i: DisableStaffInput!) { disableStaff(input: $i) { staff { active } } }';
      const [a, b] = await Promise.all([
        own.graphql(disable, { i: { staffId: ids.admin2, reason: '互相停用' } }, boss),
        own.graphql(disable, { i: { staffId: ids.admin, reason: '互相停用' } }, admin2),
      ]);
      const outcomes = [a.body, b.body].map((body) =>
        body.errors ? String(body.errors[0]!.extensions?.code) : 'ok',
      );
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
      // The loser is refused as the last admin, or (had the winner's change landed first) as no longer signed in.
      expect(['BAD_USER_INPUT', 'UNAUTHENTICATED']).toContain(outcomes.find((o) => o !== 'ok'));
      const [{ n }] = await own.db.dataSource.query(
        "SELECT count(*)::int AS n FROM staff WHERE role = 'ADMIN' AND disabled_at IS NULL",
      );
      expect(n).toBe(1);
    } finally {
      await own.close();
    }
  });
});

describe('resetting a password', () => {
  it('sets the new password, ends the person’s sessions, and leaves the password out of the audit row', async () => {
    const sun = await newAccount('sun.li', 'AGENT', 'old password 11');
    const session = (await tryLogin('sun.li', 'old password 11'))!;
    const newPassword = 'brand new secret 22';
    const { errors } = await change('resetStaffPassword', {
      staffId: sun.id,
      password: newPassword,
      reason: '忘记密码',
    });
    expect(errors).toBeUndefined();
    expect(await whoIs(session)).toBeNull();
    expect(await tryLogin('sun.li', 'old password 11')).toBeNull();
    expect(await tryLogin('sun.li', newPassword)).not.toBeNull();
    const row = (await auditRows('RESET_STAFF_PASSWORD')).at(-1)!;
    expect(row).toMatchObject({
      after: { staffId: sun.id, username: 'sun.li', sessionsEnded: 1 },
      reason: '忘记密码',
    });
    expect(row.before).toBeNull();
    expect(JSON.stringify(row)).not.toContain(newPassword);
  });

  it('refuses a short password and changes nothing; an unknown account is NOT_FOUND', async () => {
    const qian = await newAccount('qian.wu', 'AGENT', 'keeps this one 1');
    const session = (await tryLogin('qian.wu', 'keeps this one 1'))!;
    const before = await counts();
    const short = await change('resetStaffPassword', { staffId: qian.id, password: 'too short' });
    expect([code(short.errors), field(short.errors)]).toEqual(['BAD_USER_INPUT', 'password']);
    expect(
      code(
        (await change('resetStaffPassword', { staffId: '987654321', password: 'long enough password' }))
          .errors,
      ),
    ).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    expect(await whoIs(session)).toEqual({ username: 'qian.wu', role: 'AGENT' });
    expect(await tryLogin('qian.wu', 'keeps this one 1')).not.toBeNull();
  });

  it('keeps the session of an admin resetting their own password, and ends their others', async () => {
    const other = await loginAs(server, 'admin', 'admin123');
    const [{ id: adminId }] = await server.db.dataSource.query(
      "SELECT id::text FROM staff WHERE username = 'admin'",
    );
    const { errors } = await change('resetStaffPassword', { staffId: adminId, password: 'admin password 2' });
    expect(errors).toBeUndefined();
    expect(await whoIs(admin)).toEqual({ username: 'admin', role: 'ADMIN' });
    expect(await whoIs(other)).toBeNull();
    // Back to the seeded password for the tests that follow in this file.
    await change('resetStaffPassword', { staffId: adminId, password: 'admin123 again' });
  });
});

describe('who may administer', () => {
  it('refuses managers and keys (the authorization matrix covers every role)', async () => {
    const manager = await loginAs(server, 'manager', 'manager123');
    expect(code((await call('{ staff { id } }', {}, manager)).errors)).toBe('FORBIDDEN');
    const before = await counts();
    const { errors } = await createStaff(
      { username: 'sneaky', displayName: 'x', password: 'long enough pw', role: 'ADMIN' },
      manager,
    );
    expect(code(errors)).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});
