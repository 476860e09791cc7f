import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds settled by their channels (docs/domain.md §11): each refund draws on one payment, goes out through the
 * outbox as attempt after attempt (each with its own eventId), and is answered SUCCEEDED or FAILED by its channel,
 * whose endpoint and secret are data (payment_channels). A gift-card or points refund carries what goes back to the
 * card or the account, recorded as a reversal when the channel confirms.
 */
export class RefundSettlement1765200000000 implements MigrationInterface {
  name = 'RefundSettlement1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payment_channels (
        method text PRIMARY KEY,
        endpoint_url text,
        secret text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text
      )`);
    await db.query(`
      ALTER TABLE refunds
        ADD COLUMN payment_id bigint REFERENCES payments (id),
        ADD COLUMN attempt integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
        ADD COLUMN event_id uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN delivery_state text NOT NULL DEFAULT 'PENDING'
          CHECK (delivery_state IN ('PENDING', 'SENT', 'DEAD_LETTER')),
        ADD COLUMN delivery_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN last_error text,
        ADD COLUMN channel_refund_no text,
        ADD COLUMN failure_reason text,
        ADD COLUMN settled_offline boolean NOT NULL DEFAULT false,
        ADD COLUMN card_number text,
        ADD COLUMN points integer`);
    // Refunds settled before this migration were answered already: nothing is left to deliver for them.
    await db.query(`UPDATE refunds SET delivery_state = 'SENT' WHERE status <> 'PENDING'`);
    await db.query('CREATE INDEX refunds_payment_idx ON refunds (payment_id) WHERE payment_id IS NOT NULL');
    // What ops work through: failed refunds and refunds whose delivery was dead-lettered, newest first.
    await db.query(`
      CREATE INDEX refunds_attention_idx ON refunds (created_at DESC, id DESC)
      WHERE status = 'FAILED' OR delivery_state = 'DEAD_LETTER'`);
    // What the re-queue job looks for: refunds still waiting for a channel to take them.
    await db.query(`
      CREATE INDEX refunds_undelivered_idx ON refunds (created_at)
      WHERE status = 'PENDING' AND delivery_state = 'PENDING'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX refunds_undelivered_idx');
    await db.query('DROP INDEX refunds_attention_idx');
    await db.query('DROP INDEX refunds_payment_idx');
    await db.query(`
      ALTER TABLE refunds DROP COLUMN payment_id, DROP COLUMN attempt, DROP COLUMN event_id,
        DROP COLUMN delivery_state, DROP COLUMN delivery_attempts, DROP COLUMN last_error,
        DROP COLUMN channel_refund_no, DROP COLUMN failure_reason, DROP COLUMN settled_offline,
        DROP COLUMN card_number, DROP COLUMN points`);
    await db.query('DROP TABLE payment_channels');
  }
}
