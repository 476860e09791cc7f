import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the running product connects as (database.ts); the migrations run as the tables' owner. */
export const APP_ROLE = 'oms_app';

/**
 * A role that may read and write the product's rows but owns nothing (docs/reliability.md, audit row): it cannot drop or
 * disable the audit triggers, alter a table or grant itself more, and it has no UPDATE, DELETE or TRUNCATE on
 * audit_log at all, so an audit row is refused twice over (privileges, then the triggers the owner keeps). Created
 * NOLOGIN: whoever opens the database gives it a login (database.ts does for the embedded server); with an external
 * DATABASE_URL, OMS_APP_DATABASE_URL names how to connect as it.
 *
 * Default privileges make the tables, sequences and schemas the owner creates later (later migrations, and
 * graphile-worker's queue schema, migrated after these) usable by the role too. A server where the migrating user may
 * not create roles (no CREATEROLE) skips this with a notice, and the product keeps running as that user.
 */
export class AppRole1764800000000 implements MigrationInterface {
  name = 'AppRole1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          IF NOT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            RAISE NOTICE 'cannot create role ${APP_ROLE}: the product will connect as %', current_user;
            RETURN;
          END IF;
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
        END IF;
        -- graphile-worker keeps its private tables under row-level security with no policy, so that only their owner
        -- reaches them; the app role queues and runs jobs, so it passes RLS (no table of the product uses RLS).
        IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          ALTER ROLE ${APP_ROLE} BYPASSRLS;
        END IF;

        EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${APP_ROLE}', current_database());
        GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
        -- Audit rows are appended, never changed; TypeORM's own bookkeeping is the migrating user's.
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${APP_ROLE};
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ${APP_ROLE};

        -- What the owner creates from now on, in any schema.
        ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO ${APP_ROLE};
        ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};
        ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_ROLE};

        -- The queue's schema when it already exists (a database migrated before this role).
        IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'graphile_worker') THEN
          GRANT USAGE ON SCHEMA graphile_worker TO ${APP_ROLE};
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${APP_ROLE};
          GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${APP_ROLE};
          GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${APP_ROLE};
        END IF;
      END
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The role is the cluster's (other databases on it may use it): only this database's grants are taken back.
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN RETURN; END IF;
        ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SCHEMAS FROM ${APP_ROLE};
        ALTER DEFAULT PRIVILEGES REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_ROLE};
        ALTER DEFAULT PRIVILEGES REVOKE USAGE, SELECT, UPDATE ON SEQUENCES FROM ${APP_ROLE};
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE};
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE};
        REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE};
        EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM ${APP_ROLE}', current_database());
      END
      $$`);
  }
}
