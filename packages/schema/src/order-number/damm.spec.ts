import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeOrderNumber } from './codec.js';
import { DAMM_TABLE, dammCheckDigit, dammState, dammStep3, dammStep6, isDammValid } from './damm.js';
import { permutationKeyFromSecret } from './feistel.js';
import { ORDER_NUMBER_KINDS, ORDER_TYPES, SEQUENCE_SPACE } from './layout.js';

/** A small deterministic PRNG (mulberry32) so the exhaustive sweep is reproducible and fast. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const op = (state: number, digit: number): number => DAMM_TABLE[state]![digit]!;

describe('Damm table', () => {
  it('is a quasigroup with a zero diagonal', () => {
    for (let i = 0; i < 10; i += 1) {
      expect(new Set(DAMM_TABLE[i]).size).toBe(10);
      expect(new Set(DAMM_TABLE.map((row) => row[i])).size).toBe(10);
      expect(op(i, i)).toBe(0);
    }
  });

  it('is weakly totally anti-symmetric: (c∘x)∘y = (c∘y)∘x only when x = y', () => {
    for (let c = 0; c < 10; c += 1) {
      for (let x = 0; x < 10; x += 1) {
        for (let y = 0; y < 10; y += 1) {
          if (x !== y) expect(op(op(c, x), y)).not.toBe(op(op(c, y), x));
        }
      }
    }
  });

  it('gives the published check digit of 572 (4)', () => {
    expect(dammCheckDigit('572')).toBe(4);
    expect(isDammValid('5724')).toBe(true);
    expect(isDammValid('5723')).toBe(false);
  });

  it('has chunked steps that agree with digit-by-digit steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 999_999 }), (state, chunk) => {
        const digits = String(chunk).padStart(6, '0');
        let expected = state;
        for (const ch of digits) expected = op(expected, Number(ch));
        expect(dammStep6(state, chunk)).toBe(expected);
        expect(dammStep3(dammStep3(state, Math.floor(chunk / 1000)), chunk % 1000)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('appending the check digit always makes a valid string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), (digits) => {
        expect(isDammValid(digits + String(dammCheckDigit(digits)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects empty and non-digit input', () => {
    expect(() => dammCheckDigit('')).toThrow(RangeError);
    expect(() => dammCheckDigit('12a')).toThrow(RangeError);
    expect(isDammValid('')).toBe(false);
    expect(isDammValid('5724 ')).toBe(false);
    expect(dammState('1/2')).toBe(-1);
  });
});

describe('Damm check digit on issued order numbers', () => {
  it('detects every single-digit change and every adjacent swap of 100,000 random valid numbers', () => {
    const random = seededRandom(20_240_601);
    const key = permutationKeyFromSecret('damm-sweep');
    let checked = 0;
    let missed = 0;
    for (let n = 0; n < 100_000; n += 1) {
      const number = encodeOrderNumber(
        {
          kind: ORDER_NUMBER_KINDS[Math.floor(random() * 2)]!,
          type: ORDER_TYPES[Math.floor(random() * 4)]!,
          shard: Math.floor(random() * 100),
          sequence: Math.floor(random() * SEQUENCE_SPACE),
        },
        key,
      );
      if (!isDammValid(number)) missed += 1;
      for (let position = 0; position < 16; position += 1) {
        const head = number.slice(0, position);
        const tail = number.slice(position + 1);
        const original = number.charCodeAt(position) - 48;
        for (let digit = 0; digit < 10; digit += 1) {
          if (digit === original) continue;
          checked += 1;
          if (isDammValid(head + String(digit) + tail)) missed += 1;
        }
      }
      for (let position = 0; position < 15; position += 1) {
        const a = number[position]!;
        const b = number[position + 1]!;
        if (a === b) continue;
        checked += 1;
        if (isDammValid(number.slice(0, position) + b + a + number.slice(position + 2))) missed += 1;
      }
    }
    expect(missed).toBe(0);
    expect(checked).toBeGreaterThan(100_000 * 144);
  });
});
