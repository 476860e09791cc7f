import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys of staff mutations (docs/reliability.md, Stripe's model): the first answer, replayed for a retry. */
export class IdempotencyKeys1764500000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        staff_id bigint NOT NULL REFERENCES staff (id),
        key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('IN_PROGRESS', 'DONE')),
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (staff_id, key)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_keys');
  }
}
