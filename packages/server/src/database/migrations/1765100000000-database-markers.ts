import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764800000000-app-role.js';

/**
 * Facts about the database itself that the product can read (database/markers.ts), e.g. that the demo seeded it.
 * The app role may set a marker and read them, never change or remove one: only the tables' owner can.
 */
export class DatabaseMarkers1765100000000 implements MigrationInterface {
  name = 'DatabaseMarkers1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE database_markers (
        name text PRIMARY KEY,
        set_at timestamptz NOT NULL DEFAULT now(),
        details jsonb
      )`);
    // The owner's default privileges (migration 1764800000000) gave the role UPDATE and DELETE too.
    await db.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON database_markers FROM ${APP_ROLE};
        END IF;
      END
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE database_markers');
  }
}
