import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administration through the API (docs/administration.md): what the staff and key lists show besides what the tables
 * held (why an account was disabled, its last sign-in; a key's visible prefix, who made and who revoked it, when it
 * was last used), ending every session of one person at once, and the audit log's filters (by staff member, order
 * number or action, each newest first on its own index, keyset-paged on (at, id) like the unfiltered log).
 */
export class Administration1765400000000 implements MigrationInterface {
  name = 'Administration1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE staff
        ADD COLUMN disabled_reason text,
        ADD COLUMN last_login_at timestamptz`);
    await db.query(`
      ALTER TABLE api_keys
        ADD COLUMN key_prefix text,
        ADD COLUMN created_by bigint REFERENCES staff (id),
        ADD COLUMN revoked_by bigint REFERENCES staff (id),
        ADD COLUMN revoked_reason text,
        ADD COLUMN last_used_at timestamptz`);
    // Disabling someone or resetting their password ends their live sessions in one statement.
    await db.query('CREATE INDEX sessions_live_staff_idx ON sessions (staff_id) WHERE revoked_at IS NULL');
    await db.query('DROP INDEX audit_log_order_idx');
    await db.query(`
      CREATE INDEX audit_log_order_idx ON audit_log (order_number, at DESC, id DESC)
      WHERE order_number IS NOT NULL`);
    await db.query('CREATE INDEX audit_log_staff_idx ON audit_log (staff_id, at DESC, id DESC)');
    await db.query('CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC, id DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX audit_log_action_idx');
    await db.query('DROP INDEX audit_log_staff_idx');
    await db.query('DROP INDEX audit_log_order_idx');
    await db.query('CREATE INDEX audit_log_order_idx ON audit_log (order_number)');
    await db.query('DROP INDEX sessions_live_staff_idx');
    await db.query(`
      ALTER TABLE api_keys DROP COLUMN key_prefix, DROP COLUMN created_by, DROP COLUMN revoked_by,
        DROP COLUMN revoked_reason, DROP COLUMN last_used_at`);
    await db.query('ALTER TABLE staff DROP COLUMN disabled_reason, DROP COLUMN last_login_at');
  }
}
