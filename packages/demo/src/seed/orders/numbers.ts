import {
  encodeOrderNumber,
  encodeSubOrderNumber,
  permutationKeyFromSecret,
  type OrderType,
  type PermutationKey,
  type SequenceBlock,
} from '@oms/schema';
import type { DataSource } from 'typeorm';
import { PgSequenceBlockSource } from '@oms/server';

/**
 * Order and sub-order numbers for the seed (docs/domain.md §5), issued exactly as the server issues them: sequence values
 * come from blocks leased on `order_number_seq` through the server's own block source (each nextval is a block of
 * 10,000), so the sequence always ends past every value the seed used and later issuance never collides; the
 * values are then permuted and encoded by packages/schema. Leasing is async, issuing is not: `ensure` tops the
 * leased blocks up before a batch is built.
 */
export class SeedNumbers {
  private readonly key: PermutationKey;
  private readonly source: PgSequenceBlockSource;
  private readonly blocks: SequenceBlock[] = [];
  private next = 0;

  constructor(db: DataSource, secret: string) {
    this.key = permutationKeyFromSecret(secret);
    this.source = new PgSequenceBlockSource(db);
  }

  /** Leases blocks until at least `count` values are at hand. */
  async ensure(count: number): Promise<void> {
    while (this.available() < count) this.blocks.push(await this.source.leaseBlock());
  }

  order(type: OrderType, shard: number): string {
    return encodeOrderNumber({ kind: 'ORDER', type, shard, sequence: this.take() }, this.key);
  }

  subOrder(parentNumber: string): string {
    return encodeSubOrderNumber(parentNumber, this.take(), this.key);
  }

  private available(): number {
    return this.blocks.reduce((sum, b) => sum + (b.end - b.start), 0) - this.next;
  }

  private take(): number {
    let offset = this.next++;
    for (const block of this.blocks) {
      const size = block.end - block.start;
      if (offset < size) return block.start + offset;
      offset -= size;
    }
    throw new Error('seed order numbers: no leased sequence left (call ensure first)');
  }
}
