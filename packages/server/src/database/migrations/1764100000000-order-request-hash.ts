import type { MigrationInterface, QueryRunner } from 'typeorm';

/** createOrder's idempotency: the hash of the first call's input, to tell a retry from a changed payload. */
export class OrderRequestHash1764100000000 implements MigrationInterface {
  name = 'OrderRequestHash1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE orders ADD COLUMN request_hash text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE orders DROP COLUMN request_hash');
  }
}
