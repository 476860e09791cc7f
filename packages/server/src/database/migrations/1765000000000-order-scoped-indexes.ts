import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order page loads every kind of row under an order by order id in one statement (api/order-rows-loader.ts);
 * a sub-order's warehouse history was only indexed by sub-order, so that part read the whole table (found by the
 * query-plan test).
 */
export class OrderScopedIndexes1765000000000 implements MigrationInterface {
  name = 'OrderScopedIndexes1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX sub_order_warehouses_order_idx ON sub_order_warehouses (order_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX sub_order_warehouses_order_idx');
  }
}
