import { fnv1a32 } from './hash.js';
import { SHARD_COUNT } from './layout.js';

/**
 * The shard (0–99) of every order of a customer (the gene method, 基因法): FNV-1a 32-bit of the UTF-8 bytes of
 * `customerId`, modulo SHARD_COUNT. Stable forever: changing it would move existing customers' orders.
 */
export function shardForCustomer(customerId: string): number {
  if (typeof customerId !== 'string' || customerId.length === 0) {
    throw new RangeError('customerId must be a non-empty string');
  }
  return fnv1a32(customerId) % SHARD_COUNT;
}
