import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A warehouse's daily cut-off to the minute (docs/domain.md §8: `cutoffLocalTime`, `HH:mm` Asia/Shanghai), where it was
 * a whole hour: `cutoff_minute` is minutes after local midnight, filled from `cutoff_hour` (11 → 660), which goes.
 */
export class WarehouseCutoffMinute1765320000000 implements MigrationInterface {
  name = 'WarehouseCutoffMinute1765320000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE warehouses ADD COLUMN cutoff_minute integer');
    await db.query('UPDATE warehouses SET cutoff_minute = cutoff_hour * 60');
    await db.query(`
      ALTER TABLE warehouses
        ALTER COLUMN cutoff_minute SET NOT NULL,
        ADD CONSTRAINT warehouses_cutoff_minute_check CHECK (cutoff_minute BETWEEN 0 AND 1439),
        DROP COLUMN cutoff_hour`);
  }

  async down(db: QueryRunner): Promise<void> {
    // A cut-off between whole hours goes back to the hour it falls in (17:30 → 17).
    await db.query('ALTER TABLE warehouses ADD COLUMN cutoff_hour integer');
    await db.query('UPDATE warehouses SET cutoff_hour = cutoff_minute / 60');
    await db.query(`
      ALTER TABLE warehouses
        ALTER COLUMN cutoff_hour SET NOT NULL,
        ADD CONSTRAINT warehouses_cutoff_hour_check CHECK (cutoff_hour BETWEEN 0 AND 23),
        DROP COLUMN cutoff_minute`);
  }
}
