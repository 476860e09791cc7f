import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the e2e servers write their stdout and stderr (git-ignored), one file per port. */
export const LOG_DIR = fileURLToPath(new URL('./.logs/', import.meta.url));
mkdirSync(LOG_DIR, { recursive: true });

const PORT = Number(process.env.E2E_PORT ?? 4300);
// Their embedded PostgreSQL on fixed ports, so the privacy check can read what the run stored.
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54300);

/** The two products the e2e run starts: the seeded console (PORT) and the living demo (PORT + 1). */
export const E2E_SERVERS = [0, 1].map((offset) => ({
  port: PORT + offset,
  pgPort: PG_PORT + offset,
  logFile: `${LOG_DIR}${PORT + offset}.log`,
  // The embedded server's superuser and password (packages/server/src/database/embedded-postgres.ts).
  databaseUrl: `postgres://postgres:oms-embedded@127.0.0.1:${PG_PORT + offset}/oms`,
}));

/**
 * The personal-data key both servers run with, given explicitly (over demo mode's own) so that the privacy check can
 * read what they stored; a public test value like every key in the repository.
 */
export const E2E_PERSONAL_DATA_KEY = 'e2e0'.repeat(16);
