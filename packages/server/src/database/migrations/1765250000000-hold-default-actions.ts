import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each screening rule's default action when nobody decides a hold within the rollback period (docs/domain.md §9):
 * release, cancel the order, or wait for a person (the blacklist's default).
 */
export class HoldDefaultActions1765250000000 implements MigrationInterface {
  name = 'HoldDefaultActions1765250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE risk_rules ADD COLUMN default_action text NOT NULL DEFAULT 'RELEASE'
        CHECK (default_action IN ('RELEASE', 'CANCEL_ORDER', 'WAIT'));
      UPDATE risk_rules SET default_action = 'WAIT' WHERE code = 'BLACKLIST'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE risk_rules DROP COLUMN default_action');
  }
}
