import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fnv1a32 } from './hash.js';
import { SHARD_COUNT } from './layout.js';
import { shardForCustomer } from './shard.js';

/** Byte-wise FNV-1a 32, the reference the string version must match. */
function fnv1a32OfBytes(bytes: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

/** Pearson's chi-square statistic of counts against a uniform expectation. */
function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

// Chi-square critical value for 99 degrees of freedom at p = 0.001.
const CHI2_99_P001 = 148.23;

describe('fnv1a32', () => {
  it('matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    expect(fnv1a32('é')).toBe(fnv1a32OfBytes([0xc3, 0xa9]));
    expect(fnv1a32('中')).toBe(fnv1a32OfBytes([0xe4, 0xb8, 0xad]));
    expect(fnv1a32('😀')).toBe(fnv1a32OfBytes([0xf0, 0x9f, 0x98, 0x80]));
    expect(fnv1a32('\ud800x')).toBe(fnv1a32OfBytes([0xef, 0xbf, 0xbd, 0x78]));
  });
});

describe('shardForCustomer', () => {
  it('is stable: these values must never change (existing orders live there)', () => {
    expect(shardForCustomer('C00000001')).toBe(65);
    expect(shardForCustomer('customer-1')).toBe(23);
    expect(shardForCustomer('13800000000')).toBe(79);
    expect(shardForCustomer('u_42')).toBe(11);
  });

  it('is an integer in [0, 99] for any non-empty id (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64, unit: 'grapheme' }), (id) => {
        const shard = shardForCustomer(id);
        expect(Number.isInteger(shard) && shard >= 0 && shard < SHARD_COUNT).toBe(true);
        expect(shardForCustomer(id)).toBe(shard);
      }),
      { numRuns: 1000 },
    );
  });

  it('spreads sequential and random ids over all 100 shards evenly', () => {
    const shapes: ((i: number) => string)[] = [
      (i) => `C${String(i).padStart(8, '0')}`,
      (i) => String(100_000 + i),
      (i) => `customer-${i}`,
      (i) => `${(Math.imul(i, 0x9e3779b1) >>> 0).toString(16)}-4a1b-8c2d-${i.toString(16).padStart(12, '0')}`,
    ];
    for (const shape of shapes) {
      const counts = new Array<number>(SHARD_COUNT).fill(0);
      for (let i = 0; i < 100_000; i += 1) {
        const shard = shardForCustomer(shape(i));
        counts[shard] = (counts[shard] ?? 0) + 1;
      }
      expect(Math.min(...counts)).toBeGreaterThan(800);
      expect(chiSquare(counts)).toBeLessThan(CHI2_99_P001);
    }
  });

  it('refuses an empty id', () => {
    expect(() => shardForCustomer('')).toThrow(/^customerId must be/);
  });
});
