import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FEISTEL_ROUNDS,
  permutationKeyFromSecret,
  permuteSequence,
  roundFunction,
  unpermuteSequence,
} from './feistel.js';
import { SEQUENCE_SPACE } from './layout.js';

const key = permutationKeyFromSecret('feistel-spec-secret');
const sequenceArb = fc.integer({ min: 0, max: SEQUENCE_SPACE - 1 });
const tweakArb = fc.integer({ min: 0, max: 999 });

/** Sorts the values and counts equal neighbours. */
function duplicatesIn(values: Float64Array): number {
  values.sort();
  let duplicates = 0;
  for (let i = 1; i < values.length; i += 1) if (values[i] === values[i - 1]) duplicates += 1;
  return duplicates;
}

describe('permutationKeyFromSecret', () => {
  it('derives one key per round, deterministically, and different keys from different secrets', () => {
    const again = permutationKeyFromSecret('feistel-spec-secret');
    expect(key.roundKeys).toHaveLength(FEISTEL_ROUNDS);
    expect(Array.from(again.roundKeys)).toEqual(Array.from(key.roundKeys));
    expect(Array.from(permutationKeyFromSecret('feistel-spec-secreT').roundKeys)).not.toEqual(
      Array.from(key.roundKeys),
    );
    expect(new Set(key.roundKeys).size).toBe(FEISTEL_ROUNDS);
  });

  it('refuses an empty secret', () => {
    expect(() => permutationKeyFromSecret('')).toThrow(RangeError);
  });
});

describe('Feistel permutation of [0, 10^12)', () => {
  it('round function stays in [0, 10^6)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer(), (half, roundKey) => {
        const value = roundFunction(half, roundKey);
        expect(Number.isInteger(value) && value >= 0 && value < 1_000_000).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('inverse(permute(x)) = x and permute(inverse(y)) = y, for any key and tweak (property)', () => {
    fc.assert(
      fc.property(sequenceArb, tweakArb, fc.string({ minLength: 1, maxLength: 12 }), (x, tweak, secret) => {
        const k = permutationKeyFromSecret(secret);
        const y = permuteSequence(x, k, tweak);
        expect(Number.isInteger(y) && y >= 0 && y < SEQUENCE_SPACE).toBe(true);
        expect(unpermuteSequence(y, k, tweak)).toBe(x);
        expect(permuteSequence(unpermuteSequence(x, k, tweak), k, tweak)).toBe(x);
      }),
      { numRuns: 5000 },
    );
  });

  it('maps the ends of the range inside the range', () => {
    for (const x of [0, 1, 999_999, 1_000_000, SEQUENCE_SPACE - 1]) {
      const y = permuteSequence(x, key, 123);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(SEQUENCE_SPACE);
      expect(unpermuteSequence(y, key, 123)).toBe(x);
    }
  });

  it('has no collision over 1,000,000 consecutive sequences', () => {
    for (const start of [0, 987_654_321_000]) {
      const images = new Float64Array(1_000_000);
      for (let i = 0; i < images.length; i += 1) images[i] = permuteSequence(start + i, key, 417);
      expect(duplicatesIn(images)).toBe(0);
    }
  });

  it('gives each tweak its own permutation', () => {
    let same = 0;
    for (let x = 0; x < 10_000; x += 1)
      if (permuteSequence(x, key, 101) === permuteSequence(x, key, 102)) same += 1;
    expect(same).toBe(0);
  });

  it('throws RangeError outside [0, 10^12)', () => {
    for (const bad of [-1, SEQUENCE_SPACE, 1.5, Number.NaN]) {
      expect(() => permuteSequence(bad, key)).toThrow(/^sequence must be/);
      expect(() => unpermuteSequence(bad, key)).toThrow(/^permuted must be/);
    }
  });
});
