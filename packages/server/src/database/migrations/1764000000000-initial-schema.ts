import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: every entity of docs/domain.md §2 with the indexes for look-ups by order number, sub-order number,
 * receiver phone and tracking number, and for the list filters. Every order-scoped table carries `shard`.
 * Written for PostgreSQL 15 and 18 alike.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE SEQUENCE order_number_seq AS bigint MINVALUE 0 START 0;

      CREATE TABLE orders (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number char(16) NOT NULL UNIQUE,
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 99),
        source text NOT NULL,
        external_id text NOT NULL,
        type text NOT NULL,
        channel text,
        status text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        owner_id text NOT NULL,
        customer_id text NOT NULL,
        customer_nickname text,
        customer_registered_at timestamptz,
        receiver_name text NOT NULL,
        receiver_phone text NOT NULL,
        receiver_province text NOT NULL,
        receiver_city text NOT NULL,
        receiver_district text NOT NULL,
        receiver_address text NOT NULL,
        delivery_preference text,
        invoice jsonb,
        remark text,
        promotions jsonb NOT NULL DEFAULT '[]',
        ext jsonb NOT NULL DEFAULT '{}',
        goods_fen bigint NOT NULL DEFAULT 0 CHECK (goods_fen >= 0),
        freight_fen bigint NOT NULL DEFAULT 0 CHECK (freight_fen >= 0),
        coupon_discount_fen bigint NOT NULL DEFAULT 0 CHECK (coupon_discount_fen >= 0),
        promotion_discount_fen bigint NOT NULL DEFAULT 0 CHECK (promotion_discount_fen >= 0),
        gift_card_fen bigint NOT NULL DEFAULT 0 CHECK (gift_card_fen >= 0),
        points_fen bigint NOT NULL DEFAULT 0 CHECK (points_fen >= 0),
        payable_fen bigint NOT NULL DEFAULT 0 CHECK (payable_fen >= 0),
        held boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        paid_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source, external_id)
      );
      CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC);
      CREATE INDEX orders_status_created_idx ON orders (status, created_at DESC, id DESC);
      CREATE INDEX orders_source_created_idx ON orders (source, created_at DESC, id DESC);
      CREATE INDEX orders_type_created_idx ON orders (type, created_at DESC, id DESC);
      CREATE INDEX orders_held_created_idx ON orders (created_at DESC, id DESC) WHERE held;
      CREATE INDEX orders_receiver_phone_idx ON orders (receiver_phone);
      CREATE INDEX orders_customer_idx ON orders (shard, customer_id);

      CREATE TABLE sub_orders (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number char(16) NOT NULL UNIQUE,
        order_id bigint NOT NULL REFERENCES orders (id),
        shard smallint NOT NULL,
        status text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        warehouse_id bigint,
        merchant_id text,
        dispatch_state text NOT NULL DEFAULT 'NONE',
        held boolean NOT NULL DEFAULT false,
        out_of_stock boolean NOT NULL DEFAULT false,
        cancel_requested_at timestamptz,
        late_minutes integer,
        goods_fen bigint NOT NULL DEFAULT 0,
        freight_fen bigint NOT NULL DEFAULT 0,
        coupon_discount_fen bigint NOT NULL DEFAULT 0,
        promotion_discount_fen bigint NOT NULL DEFAULT 0,
        gift_card_fen bigint NOT NULL DEFAULT 0,
        points_fen bigint NOT NULL DEFAULT 0,
        payable_fen bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        shipped_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX sub_orders_order_idx ON sub_orders (order_id);
      CREATE INDEX sub_orders_warehouse_status_idx ON sub_orders (warehouse_id, status, order_id);
      CREATE INDEX sub_orders_status_idx ON sub_orders (status, order_id);
      CREATE INDEX sub_orders_out_of_stock_idx ON sub_orders (created_at) WHERE out_of_stock;
      CREATE INDEX sub_orders_late_idx ON sub_orders (warehouse_id, late_minutes DESC) WHERE late_minutes IS NOT NULL;

      CREATE TABLE order_lines (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id bigint NOT NULL REFERENCES orders (id),
        sub_order_id bigint REFERENCES sub_orders (id),
        shard smallint NOT NULL,
        line_no integer NOT NULL,
        line_ref text NOT NULL,
        sku text NOT NULL,
        title text NOT NULL,
        image_url text,
        quantity integer NOT NULL CHECK (quantity > 0),
        list_price_fen bigint NOT NULL DEFAULT 0,
        sale_price_fen bigint NOT NULL DEFAULT 0 CHECK (sale_price_fen >= 0),
        line_amount_fen bigint NOT NULL DEFAULT 0,
        attributes text[] NOT NULL DEFAULT '{}',
        merchant_id text,
        promotion_ids text[] NOT NULL DEFAULT '{}',
        gift_for text,
        split_group text,
        alloc_freight_fen bigint NOT NULL DEFAULT 0,
        alloc_coupon_fen bigint NOT NULL DEFAULT 0,
        alloc_promotion_fen bigint NOT NULL DEFAULT 0,
        alloc_gift_card_fen bigint NOT NULL DEFAULT 0,
        alloc_gift_cards jsonb NOT NULL DEFAULT '[]',
        alloc_points_fen bigint NOT NULL DEFAULT 0,
        alloc_cash_fen bigint NOT NULL DEFAULT 0 CHECK (alloc_cash_fen >= 0),
        UNIQUE (order_id, line_no),
        UNIQUE (order_id, line_ref)
      );
      CREATE INDEX order_lines_sub_order_idx ON order_lines (sub_order_id);

      CREATE TABLE sub_order_warehouses (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        sub_order_id bigint NOT NULL REFERENCES sub_orders (id),
        order_id bigint NOT NULL,
        shard smallint NOT NULL,
        warehouse_id bigint NOT NULL,
        assigned_at timestamptz NOT NULL,
        released_at timestamptz,
        reason text NOT NULL
      );
      CREATE INDEX sub_order_warehouses_sub_order_idx ON sub_order_warehouses (sub_order_id, assigned_at);

      CREATE TABLE payments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id bigint NOT NULL REFERENCES orders (id),
        shard smallint NOT NULL,
        method text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        status text NOT NULL,
        transaction_no text,
        paid_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX payments_order_idx ON payments (order_id);
      CREATE UNIQUE INDEX payments_transaction_no_idx ON payments (transaction_no) WHERE transaction_no IS NOT NULL;

      CREATE TABLE payment_logs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        payment_id bigint NOT NULL REFERENCES payments (id),
        order_id bigint NOT NULL,
        shard smallint NOT NULL,
        status text NOT NULL,
        at timestamptz NOT NULL,
        reference text
      );
      CREATE INDEX payment_logs_order_idx ON payment_logs (order_id, at);

      CREATE TABLE gift_card_usages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id bigint NOT NULL REFERENCES orders (id),
        shard smallint NOT NULL,
        card_number text NOT NULL,
        amount_fen bigint NOT NULL,
        balance_after_fen bigint NOT NULL,
        at timestamptz NOT NULL,
        reversal_of_id bigint REFERENCES gift_card_usages (id)
      );
      CREATE INDEX gift_card_usages_order_idx ON gift_card_usages (order_id);

      CREATE TABLE points_usages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id bigint NOT NULL REFERENCES orders (id),
        shard smallint NOT NULL,
        points integer NOT NULL,
        value_fen bigint NOT NULL,
        balance_after integer NOT NULL,
        at timestamptz NOT NULL,
        reversal_of_id bigint REFERENCES points_usages (id)
      );
      CREATE INDEX points_usages_order_idx ON points_usages (order_id);

      CREATE TABLE refunds (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id bigint NOT NULL REFERENCES orders (id),
        sub_order_id bigint REFERENCES sub_orders (id),
        shard smallint NOT NULL,
        method text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        status text NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz
      );
      CREATE INDEX refunds_order_idx ON refunds (order_id);

      CREATE TABLE warehouses (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        region text NOT NULL,
        province text NOT NULL,
        city text NOT NULL,
        address text NOT NULL,
        branch text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        capabilities text[] NOT NULL DEFAULT '{}',
        sla_accept_minutes integer NOT NULL,
        cutoff_hour integer NOT NULL CHECK (cutoff_hour BETWEEN 0 AND 23),
        endpoint_url text,
        secret text
      );
      ALTER TABLE sub_orders ADD FOREIGN KEY (warehouse_id) REFERENCES warehouses (id);
      ALTER TABLE sub_order_warehouses ADD FOREIGN KEY (warehouse_id) REFERENCES warehouses (id);

      CREATE TABLE stock (
        warehouse_id bigint NOT NULL REFERENCES warehouses (id),
        sku text NOT NULL,
        on_hand integer NOT NULL CHECK (on_hand >= 0),
        reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
        PRIMARY KEY (warehouse_id, sku)
      );

      CREATE TABLE shipments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        sub_order_id bigint NOT NULL REFERENCES sub_orders (id),
        order_id bigint NOT NULL,
        shard smallint NOT NULL,
        carrier_code text NOT NULL,
        tracking_number text NOT NULL,
        node text,
        last_normal_node text,
        shipped_at timestamptz NOT NULL,
        UNIQUE (carrier_code, tracking_number)
      );
      CREATE INDEX shipments_sub_order_idx ON shipments (sub_order_id);
      CREATE INDEX shipments_order_idx ON shipments (order_id);
      CREATE INDEX shipments_tracking_idx ON shipments (tracking_number);

      CREATE TABLE logistics_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        shipment_id bigint REFERENCES shipments (id),
        order_id bigint,
        shard smallint,
        carrier_code text NOT NULL,
        tracking_number text NOT NULL,
        raw_state text,
        node text,
        context text NOT NULL,
        area_name text,
        occurred_at timestamptz NOT NULL,
        customer_visible boolean NOT NULL DEFAULT true,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX logistics_events_identity_idx
        ON logistics_events (carrier_code, tracking_number, occurred_at, md5(context));
      CREATE INDEX logistics_events_shipment_idx ON logistics_events (shipment_id, occurred_at);
      CREATE INDEX logistics_events_order_idx ON logistics_events (order_id);
      CREATE INDEX logistics_events_unattached_idx
        ON logistics_events (carrier_code, tracking_number) WHERE shipment_id IS NULL;

      CREATE TABLE interceptions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id bigint NOT NULL REFERENCES orders (id),
        sub_order_id bigint REFERENCES sub_orders (id),
        shard smallint NOT NULL,
        rule text NOT NULL,
        reason text NOT NULL,
        evidence jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL,
        raised_by text NOT NULL,
        raised_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        decided_by text,
        decided_at timestamptz,
        note text,
        amount_fen bigint NOT NULL DEFAULT 0
      );
      CREATE INDEX interceptions_order_idx ON interceptions (order_id);
      CREATE INDEX interceptions_queue_idx ON interceptions (status, raised_at, id);
      CREATE INDEX interceptions_rule_queue_idx ON interceptions (rule, status, raised_at, id);

      CREATE TABLE order_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id bigint NOT NULL REFERENCES orders (id),
        sub_order_id bigint REFERENCES sub_orders (id),
        shard smallint NOT NULL,
        type text NOT NULL,
        at timestamptz NOT NULL,
        actor_type text NOT NULL,
        actor_id text NOT NULL,
        actor_name text,
        reason text,
        before jsonb,
        after jsonb,
        customer_visible boolean NOT NULL DEFAULT false
      );
      CREATE INDEX order_events_order_idx ON order_events (order_id, at, id);

      CREATE TABLE staff (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      );

      CREATE TABLE sessions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        staff_id bigint NOT NULL REFERENCES staff (id),
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        address text
      );

      CREATE TABLE api_keys (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );

      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        staff_id bigint NOT NULL REFERENCES staff (id),
        role text NOT NULL,
        action text NOT NULL,
        order_number text,
        before jsonb,
        after jsonb,
        reason text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        address text
      );
      CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
      CREATE INDEX audit_log_order_idx ON audit_log (order_number);

      -- Audit rows are never changed: a superuser ignores REVOKE, so triggers refuse it for everyone.
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
      END;
      $$;
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
    `);
  }

  async down(): Promise<void> {
    throw new Error('The initial schema is not reversible; restore from a backup instead.');
  }
}
