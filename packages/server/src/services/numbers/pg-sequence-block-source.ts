import type { SequenceBlock, SequenceBlockSource } from '@oms/schema';
import type { DataSource } from 'typeorm';

/** Sequence values per leased block: one `nextval` hands a process this many numbers. */
export const ORDER_NUMBER_BLOCK_SIZE = 10_000;

/**
 * Leases blocks of the order-number sequence from PostgreSQL (Leaf's segment scheme): `order_number_seq` counts
 * blocks, block n is [n × 10,000, (n + 1) × 10,000). Every process and the demo seed lease through this, so no two
 * ever share a value, with one round trip per 10,000 numbers.
 */
export class PgSequenceBlockSource implements SequenceBlockSource {
  constructor(private readonly db: DataSource) {}

  async leaseBlock(): Promise<SequenceBlock> {
    const [row] = (await this.db.query("SELECT nextval('order_number_seq')::bigint AS n")) as { n: string }[];
    const start = Number(row!.n) * ORDER_NUMBER_BLOCK_SIZE;
    return { start, end: start + ORDER_NUMBER_BLOCK_SIZE };
  }
}
