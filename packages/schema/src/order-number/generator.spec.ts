import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeOrderNumber, encodeOrderNumber } from './codec.js';
import { permutationKeyFromSecret } from './feistel.js';
import {
  InMemorySequenceBlockSource,
  OrderNumberGenerator,
  type SequenceBlock,
  type SequenceBlockSource,
} from './generator.js';
import { SEQUENCE_SPACE } from './layout.js';

const key = permutationKeyFromSecret('generator-spec-secret');

/** Sorts the values and counts equal neighbours. */
function duplicatesIn(values: Float64Array): number {
  values.sort();
  let duplicates = 0;
  for (let i = 1; i < values.length; i += 1) if (values[i] === values[i - 1]) duplicates += 1;
  return duplicates;
}

/** A source that records the sizes asked for and can be told to fail. */
class RecordingSource implements SequenceBlockSource {
  readonly requests: number[] = [];
  failNext = 0;
  private readonly inner = new InMemorySequenceBlockSource();

  async leaseBlock(size: number): Promise<SequenceBlock> {
    this.requests.push(size);
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('database unavailable');
    }
    return this.inner.leaseBlock(size);
  }
}

/** Lets pending promise jobs (an in-memory lease takes a few) run, as an event loop turn would. */
async function tick(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await null;
}

describe('InMemorySequenceBlockSource', () => {
  it('hands out consecutive disjoint blocks and refuses bad sizes', async () => {
    const source = new InMemorySequenceBlockSource(5);
    expect(await source.leaseBlock(10)).toEqual({ start: 5, end: 15 });
    expect(await source.leaseBlock(1)).toEqual({ start: 15, end: 16 });
    await expect(source.leaseBlock(0)).rejects.toThrow(RangeError);
    expect(() => new InMemorySequenceBlockSource(-1)).toThrow(RangeError);
    expect(() => new InMemorySequenceBlockSource(SEQUENCE_SPACE - 1).leaseBlockSync(2)).toThrow(/exhausted/);
  });
});

describe('OrderNumberGenerator', () => {
  it('returns null from nextSync until a block is leased, then numbers', async () => {
    const generator = new OrderNumberGenerator({
      source: new InMemorySequenceBlockSource(),
      key,
      blockSize: 3,
    });
    expect(generator.nextSync('ORDER', 'NORMAL', 1)).toBeNull();
    await generator.prime();
    expect(generator.remaining).toBe(3);
    const number = generator.nextSync('ORDER', 'NORMAL', 1);
    expect(number).toBe(encodeOrderNumber({ kind: 'ORDER', type: 'NORMAL', shard: 1, sequence: 0 }, key));
  });

  it('issues 1,000,000 numbers without a duplicate across 1,000 block boundaries, using every sequence once', async () => {
    const count = 1_000_000;
    const generator = new OrderNumberGenerator({
      source: new InMemorySequenceBlockSource(),
      key,
      blockSize: 1000,
    });
    const values = new Float64Array(count);
    const used = new Uint8Array(count);
    for (let i = 0; i < count; i += 1) {
      const number =
        generator.nextSync('ORDER', 'NORMAL', 37) ?? (await generator.next('ORDER', 'NORMAL', 37));
      values[i] = Number(number);
      const { sequence } = decodeOrderNumber(number, key);
      used[sequence!] = (used[sequence!] ?? 0) + 1;
    }
    expect(duplicatesIn(values)).toBe(0);
    expect(values[0]).toBeGreaterThanOrEqual(1_370_000_000_000_000);
    expect(values[count - 1]).toBeLessThan(1_380_000_000_000_000);
    expect(used.every((times) => times === 1)).toBe(true);
  });

  it('4 generators sharing one source (4 processes) issue no duplicate', async () => {
    const source = new InMemorySequenceBlockSource(1_000_000_000);
    const generators = [500, 777, 1000, 1234].map(
      (blockSize) => new OrderNumberGenerator({ source, key, blockSize }),
    );
    const perGenerator = 250_000;
    const values = new Float64Array(perGenerator * generators.length);
    let filled = 0;
    let turn = 0;
    while (filled < values.length) {
      // Each "process" issues a run of numbers before the next one gets a turn, so leases interleave.
      const generator = generators[turn % generators.length]!;
      const run = 1 + ((turn * 7919) % 3000);
      for (let i = 0; i < run && filled < values.length; i += 1) {
        const number =
          generator.nextSync('SUB_ORDER', 'EXCHANGE', 99) ??
          (await generator.next('SUB_ORDER', 'EXCHANGE', 99));
        values[filled] = Number(number);
        filled += 1;
      }
      turn += 1;
    }
    expect(duplicatesIn(values)).toBe(0);
  });

  it('prefetches the next block in the background so steady-state issuance never waits', async () => {
    const source = new RecordingSource();
    const generator = new OrderNumberGenerator({ source, key, blockSize: 100, prefetchAt: 0.2 });
    await generator.prime();
    expect(source.requests).toEqual([100]);
    for (let i = 0; i < 80; i += 1) expect(generator.nextSync('ORDER', 'PRESALE', 2)).not.toBeNull();
    expect(source.requests).toHaveLength(1);
    expect(generator.nextSync('ORDER', 'PRESALE', 2)).not.toBeNull();
    expect(source.requests).toHaveLength(2);
    await tick();
    for (let i = 0; i < 500; i += 1) {
      expect(generator.nextSync('ORDER', 'PRESALE', 2)).not.toBeNull();
      if (i % 50 === 0) await tick();
    }
    expect(source.requests.length).toBeLessThanOrEqual(7);
  });

  it('never waits when the caller yields one microtask per block (batches aligned with blocks)', async () => {
    const generator = new OrderNumberGenerator({
      source: new InMemorySequenceBlockSource(),
      key,
      blockSize: 100,
    });
    await generator.prime();
    let waits = 0;
    for (let batch = 0; batch < 50; batch += 1) {
      for (let i = 0; i < 100; i += 1) if (generator.nextSync('ORDER', 'NORMAL', 3) === null) waits += 1;
      await null;
    }
    expect(waits).toBe(0);
  });

  it('serves many concurrent next() calls, each a distinct number', async () => {
    const generator = new OrderNumberGenerator({
      source: new InMemorySequenceBlockSource(),
      key,
      blockSize: 7,
    });
    const numbers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => generator.next('ORDER', 'RETURN', i % 100)),
    );
    expect(new Set(numbers).size).toBe(200);
  });

  it('surfaces a failed lease to the caller waiting for it, and recovers on the next call', async () => {
    const source = new RecordingSource();
    source.failNext = 1;
    const generator = new OrderNumberGenerator({ source, key, blockSize: 10 });
    await expect(generator.next('ORDER', 'NORMAL', 0)).rejects.toThrow('database unavailable');
    expect(await generator.next('ORDER', 'NORMAL', 0)).toMatch(/^100\d{13}$/);
  });

  it('retries a failed background prefetch when the block runs out', async () => {
    const source = new RecordingSource();
    const generator = new OrderNumberGenerator({ source, key, blockSize: 10, prefetchAt: 0.5 });
    await generator.prime();
    source.failNext = 1;
    const numbers: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      numbers.push(generator.nextSync('ORDER', 'NORMAL', 5) ?? (await generator.next('ORDER', 'NORMAL', 5)));
      await tick();
    }
    expect(new Set(numbers).size).toBe(30);
  });

  it('rejects a source that leases an invalid block', async () => {
    const broken: SequenceBlockSource = { leaseBlock: async () => ({ start: 10, end: 10 }) };
    const generator = new OrderNumberGenerator({ source: broken, key });
    await expect(generator.next('ORDER', 'NORMAL', 0)).rejects.toThrow(/invalid block/);
  });

  it('validates its arguments, whether or not a block is at hand', async () => {
    const source = new InMemorySequenceBlockSource();
    expect(() => new OrderNumberGenerator({ source, key, blockSize: 0 })).toThrow(/^size must be/);
    expect(() => new OrderNumberGenerator({ source, key, prefetchAt: 1.5 })).toThrow(/^prefetchAt must be/);
    const generator = new OrderNumberGenerator({ source, key });
    expect(() => generator.nextSync('ORDER', 'NORMAL', 100)).toThrow(/^shard must be/);
    await generator.prime();
    expect(() => generator.nextSync('ORDER', 'NORMAL', -1)).toThrow(/^shard must be/);
    await expect(generator.next('ORDER', 'NORMAL', 1.5)).rejects.toThrow(RangeError);
  });

  it("issues sub-order numbers under their parent's shard and type (property)", async () => {
    const generator = new OrderNumberGenerator({
      source: new InMemorySequenceBlockSource(),
      key,
      blockSize: 64,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('NORMAL', 'PRESALE', 'RETURN', 'EXCHANGE' as const),
        fc.integer({ min: 0, max: 99 }),
        async (type, shard) => {
          const parent = await generator.next('ORDER', type, shard);
          const sub = generator.nextSubOrderSync(parent) ?? (await generator.nextSubOrder(parent));
          expect(decodeOrderNumber(sub)).toEqual({ kind: 'SUB_ORDER', type, shard });
          await expect(generator.nextSubOrder(sub)).rejects.toThrow(/^parentNumber must be/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
