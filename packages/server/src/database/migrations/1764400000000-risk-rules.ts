import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interception rules as data (docs/domain.md §9): each rule on or off with its thresholds, the blacklist, and the
 * normalised address key every order carries for ADDRESS_VELOCITY and the address blacklist.
 */
export class RiskRules1764400000000 implements MigrationInterface {
  name = 'RiskRules1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE risk_rules (
        code text PRIMARY KEY,
        enabled boolean NOT NULL DEFAULT true,
        params jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text
      );
      INSERT INTO risk_rules (code, params) VALUES
        ('HIGH_VALUE_NEW_ACCOUNT', '{"minPayableFen": 500000, "maxAccountAgeDays": 7}'),
        ('ADDRESS_VELOCITY', '{"maxPaidOrders": 3, "windowHours": 24}'),
        ('BLACKLIST', '{}'),
        ('QUANTITY_LIMIT', '{"maxQuantityPerSku": 20}');

      CREATE TABLE blacklist (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('PHONE', 'ADDRESS', 'ACCOUNT')),
        value text NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text,
        UNIQUE (kind, value)
      );

      ALTER TABLE orders ADD COLUMN receiver_address_key text;
      CREATE INDEX orders_address_key_paid_idx ON orders (receiver_address_key, paid_at) WHERE paid_at IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP TABLE blacklist; DROP TABLE risk_rules; ALTER TABLE orders DROP COLUMN receiver_address_key',
    );
  }
}
