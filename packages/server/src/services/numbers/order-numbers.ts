import { OrderNumberGenerator, permutationKeyFromSecret, type OrderType } from '@oms/schema';
import type { DataSource } from 'typeorm';
import { ORDER_NUMBER_BLOCK_SIZE, PgSequenceBlockSource } from './pg-sequence-block-source.js';

/** Issues parent and sub-order numbers for this process from leased blocks (docs/domain.md §5). */
export class OrderNumbers {
  private readonly generator: OrderNumberGenerator;

  constructor(db: DataSource, secret: string) {
    this.generator = new OrderNumberGenerator({
      source: new PgSequenceBlockSource(db),
      key: permutationKeyFromSecret(secret),
      blockSize: ORDER_NUMBER_BLOCK_SIZE,
    });
  }

  /** A new parent order number of `type` on `shard`. */
  order(type: OrderType, shard: number): Promise<string> {
    return this.generator.next('ORDER', type, shard);
  }

  /** A new sub-order number under `parentNumber` (same shard and type). */
  subOrder(parentNumber: string): Promise<string> {
    return this.generator.nextSubOrder(parentNumber);
  }
}
