import { runMigrations } from 'graphile-worker';

/** Installs or upgrades graphile-worker's own schema (the job queue behind the outbox). */
export async function migrateQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: undefined });
}
