// Issues order numbers from leased blocks of the global sequence (the segment scheme of Meituan's Leaf): one lease
// per block, no coordination per number, and the next block is fetched in the background before the current one
// runs out so that steady-state issuance never waits.
import { encodeWithPrefix, prefixFor, subOrderPrefixOf } from './codec.js';
import { type PermutationKey } from './feistel.js';
import { SEQUENCE_SPACE, type OrderNumberKind, type OrderType } from './layout.js';

/** A half-open range [start, end) of sequence values that no other lease, in any process, ever returns. */
export interface SequenceBlock {
  readonly start: number;
  readonly end: number;
}

/** Hands out disjoint blocks of the global sequence (the server: a PostgreSQL sequence, nextval × block size). */
export interface SequenceBlockSource {
  /** A fresh block of about `size` values, disjoint from every block ever leased from the same sequence. */
  leaseBlock(size: number): Promise<SequenceBlock>;
}

function checkBlockSize(size: number): void {
  if (!Number.isInteger(size) || size <= 0 || size > SEQUENCE_SPACE) {
    throw new RangeError(`size must be a positive integer, got ${size}`);
  }
}

/** A counter-backed source for tests and benches: blocks of exactly `size` values, one after another from `start`. */
export class InMemorySequenceBlockSource implements SequenceBlockSource {
  private cursor: number;

  /** A source whose first block starts at `start` (default 0). */
  constructor(start = 0) {
    if (!Number.isInteger(start) || start < 0 || start >= SEQUENCE_SPACE) {
      throw new RangeError(`start must be an integer in [0, ${SEQUENCE_SPACE}), got ${start}`);
    }
    this.cursor = start;
  }

  /** The next `size` values synchronously; throws RangeError when the sequence space is exhausted. */
  leaseBlockSync(size: number): SequenceBlock {
    checkBlockSize(size);
    const start = this.cursor;
    const end = start + size;
    if (end > SEQUENCE_SPACE) throw new RangeError('the sequence space [0, 10^12) is exhausted');
    this.cursor = end;
    return { start, end };
  }

  /** The next `size` values. */
  leaseBlock(size: number): Promise<SequenceBlock> {
    try {
      return Promise.resolve(this.leaseBlockSync(size));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
}

/** Options of an OrderNumberGenerator. */
export interface OrderNumberGeneratorOptions {
  /** Where sequence blocks come from. */
  readonly source: SequenceBlockSource;
  /** The permutation key (permutationKeyFromSecret); every process issuing numbers must use the same one. */
  readonly key: PermutationKey;
  /** Values requested per lease (default 10,000). */
  readonly blockSize?: number;
  /** Fetch the next block once this fraction of the current one is left (default 0.2, in [0, 1]). */
  readonly prefetchAt?: number;
}

function checkBlock(block: SequenceBlock): void {
  const { start, end } = block;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end <= start ||
    end > SEQUENCE_SPACE
  ) {
    throw new RangeError(`the source leased an invalid block [${start}, ${end})`);
  }
}

/** Issues unique order numbers from leased sequence blocks; one instance per process is enough. */
export class OrderNumberGenerator {
  private readonly source: SequenceBlockSource;
  private readonly roundKeys: Int32Array;
  private readonly blockSize: number;
  private readonly prefetchAt: number;
  private cursor = 0;
  private end = 0;
  private prefetchFrom = Number.POSITIVE_INFINITY;
  private queued: SequenceBlock | null = null;
  private inFlight: Promise<void> | null = null;

  /** A generator that has no block yet: the first next() leases one (nextSync returns null until then). */
  constructor({ source, key, blockSize = 10_000, prefetchAt = 0.2 }: OrderNumberGeneratorOptions) {
    checkBlockSize(blockSize);
    if (!(prefetchAt >= 0 && prefetchAt <= 1)) {
      throw new RangeError(`prefetchAt must be a number in [0, 1], got ${prefetchAt}`);
    }
    this.source = source;
    this.roundKeys = key.roundKeys;
    this.blockSize = blockSize;
    this.prefetchAt = prefetchAt;
  }

  /** Leases a block unless one is at hand, so that the nextSync calls that follow return numbers. */
  async prime(): Promise<void> {
    while (this.cursor >= this.end && !this.useQueued()) await this.lease();
  }

  /** Values left in the current block, not counting a prefetched one. */
  get remaining(): number {
    return this.end - this.cursor;
  }

  /**
   * A new number without waiting, or null when no leased value is at hand (then await next(); a lease is already
   * under way). Throws RangeError for a bad kind, type or shard.
   */
  nextSync(kind: OrderNumberKind, type: OrderType, shard: number): string | null {
    const prefix = prefixFor(kind, type, shard);
    const sequence = this.take();
    return sequence < 0 ? null : encodeWithPrefix(prefix, sequence, this.roundKeys);
  }

  /** A new number, waiting for a lease only when none is at hand; rejects with the source's error if a lease fails. */
  async next(kind: OrderNumberKind, type: OrderType, shard: number): Promise<string> {
    const prefix = prefixFor(kind, type, shard);
    return this.encodeWhenLeased(prefix);
  }

  /** Like nextSync for a sub-order of `parentNumber` (its type and shard); throws like encodeSubOrderNumber. */
  nextSubOrderSync(parentNumber: string): string | null {
    const prefix = subOrderPrefixOf(parentNumber);
    const sequence = this.take();
    return sequence < 0 ? null : encodeWithPrefix(prefix, sequence, this.roundKeys);
  }

  /** Like next for a sub-order of `parentNumber` (its type and shard); rejects like encodeSubOrderNumber. */
  async nextSubOrder(parentNumber: string): Promise<string> {
    return this.encodeWhenLeased(subOrderPrefixOf(parentNumber));
  }

  private async encodeWhenLeased(prefix: number): Promise<string> {
    for (;;) {
      const sequence = this.take();
      if (sequence >= 0) return encodeWithPrefix(prefix, sequence, this.roundKeys);
      await this.lease();
    }
  }

  /** The next sequence value, or -1 when none is at hand; starts a background lease when the block runs low. */
  private take(): number {
    if (this.cursor >= this.end && !this.useQueued()) {
      void this.lease().catch(() => undefined);
      return -1;
    }
    const sequence = this.cursor;
    this.cursor = sequence + 1;
    if (sequence >= this.prefetchFrom) {
      this.prefetchFrom = Number.POSITIVE_INFINITY;
      // A failed prefetch is retried by the lease that next() makes when the block is used up.
      if (this.queued === null) void this.lease().catch(() => undefined);
    }
    return sequence;
  }

  private useQueued(): boolean {
    const block = this.queued;
    if (block === null) return false;
    this.queued = null;
    this.cursor = block.start;
    this.end = block.end;
    const size = block.end - block.start;
    this.prefetchFrom = block.end - Math.max(1, Math.ceil(size * this.prefetchAt));
    return true;
  }

  private lease(): Promise<void> {
    if (this.inFlight !== null) return this.inFlight;
    let leased: Promise<SequenceBlock>;
    try {
      leased = this.source.leaseBlock(this.blockSize);
    } catch (error) {
      leased = Promise.reject(error as Error);
    }
    // inFlight is cleared in the same job that queues the block, so a prefetch can start right after it lands.
    const inFlight = leased.then(
      (block) => {
        this.inFlight = null;
        checkBlock(block);
        this.queued = block;
      },
      (error: unknown) => {
        this.inFlight = null;
        throw error;
      },
    );
    this.inFlight = inFlight;
    return inFlight;
  }
}
