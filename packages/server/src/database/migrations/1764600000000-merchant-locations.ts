import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Third-party merchants are fulfilment locations of their own kind (docs/domain.md §3: a third-party sub-order is
 * dispatched to its merchant through the open platform instead of a warehouse): the same outbox, the same signed
 * callbacks, no stock of ours and never a routing or reassignment target.
 */
export class MerchantLocations1764600000000 implements MigrationInterface {
  name = 'MerchantLocations1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE warehouses ADD COLUMN kind text NOT NULL DEFAULT 'WAREHOUSE' CHECK (kind IN ('WAREHOUSE', 'MERCHANT'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE warehouses DROP COLUMN kind');
  }
}
