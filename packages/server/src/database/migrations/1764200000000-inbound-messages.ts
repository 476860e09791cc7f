import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Raw inbound webhook payloads, kept for audit; the unique key makes a repeated delivery a no-op. */
export class InboundMessages1764200000000 implements MigrationInterface {
  name = 'InboundMessages1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inbound_messages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source text NOT NULL,
        message_key text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL,
        outcome text NOT NULL,
        UNIQUE (source, message_key)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE inbound_messages');
  }
}
