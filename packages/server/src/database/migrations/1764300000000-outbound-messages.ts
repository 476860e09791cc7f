import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox: every message to a warehouse (DISPATCH, CANCEL, INTERCEPT) is a row written in the transaction of
 * the change that causes it, numbered per sub-order (`seq`) so they are delivered in order; a graphile-worker job
 * added in the same transaction delivers it.
 */
export class OutboundMessages1764300000000 implements MigrationInterface {
  name = 'OutboundMessages1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbound_messages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        sub_order_id bigint NOT NULL REFERENCES sub_orders (id),
        order_id bigint NOT NULL,
        shard smallint NOT NULL,
        warehouse_id bigint NOT NULL REFERENCES warehouses (id),
        seq integer NOT NULL,
        type text NOT NULL,
        reason text,
        status text NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (sub_order_id, seq)
      );
      CREATE INDEX outbound_messages_dead_idx ON outbound_messages (created_at) WHERE status = 'DEAD_LETTER';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE outbound_messages');
  }
}
