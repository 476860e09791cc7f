import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assertOrderNumber,
  decodeOrderNumber,
  encodeOrderNumber,
  encodeSubOrderNumber,
  InvalidOrderNumberError,
  isPlausibleOrderNumber,
  parseOrderNumber,
  type OrderNumberParts,
} from './codec.js';
import { dammCheckDigit } from './damm.js';
import { permutationKeyFromSecret } from './feistel.js';
import {
  classOfFirstDigit,
  firstDigitOf,
  ORDER_NUMBER_FIRST_DIGITS,
  ORDER_NUMBER_KINDS,
  ORDER_NUMBER_LENGTH,
  ORDER_TYPES,
  SEQUENCE_SPACE,
  SHARD_COUNT,
  type OrderNumberKind,
  type OrderType,
} from './layout.js';

const key = permutationKeyFromSecret('codec-spec-secret');
const otherKey = permutationKeyFromSecret('another-secret');

const partsArb: fc.Arbitrary<OrderNumberParts> = fc.record({
  kind: fc.constantFrom(...ORDER_NUMBER_KINDS),
  type: fc.constantFrom(...ORDER_TYPES),
  shard: fc.integer({ min: 0, max: SHARD_COUNT - 1 }),
  sequence: fc.integer({ min: 0, max: SEQUENCE_SPACE - 1 }),
});

const SHAPE = /^[1-8]\d{15}$/;

function withCheckDigit(body: string): string {
  return body + String(dammCheckDigit(body));
}

describe('first-digit table', () => {
  it('gives each kind × type exactly one digit 1–8, parents 1–4 and sub-orders 5–8', () => {
    const seen = new Set<string>();
    for (const [digit, { kind, type }] of Object.entries(ORDER_NUMBER_FIRST_DIGITS)) {
      expect(firstDigitOf(kind, type)).toBe(Number(digit));
      expect(Number(digit) <= 4).toBe(kind === 'ORDER');
      seen.add(`${kind}/${type}`);
    }
    expect(seen.size).toBe(8);
    expect(classOfFirstDigit(0)).toBeUndefined();
    expect(classOfFirstDigit(9)).toBeUndefined();
    expect(firstDigitOf('NOPE' as OrderNumberKind, 'NORMAL')).toBe(-1);
    expect(firstDigitOf('ORDER', 'NOPE' as OrderType)).toBe(-1);
  });
});

describe('encodeOrderNumber / decodeOrderNumber', () => {
  it('round-trips every shard 0–99 for every kind × type', () => {
    const sequences = [0, 1, 999_999, 1_000_000, 123_456_789_012, SEQUENCE_SPACE - 1];
    let count = 0;
    for (const kind of ORDER_NUMBER_KINDS) {
      for (const type of ORDER_TYPES) {
        for (let shard = 0; shard < SHARD_COUNT; shard += 1) {
          for (const sequence of sequences) {
            const number = encodeOrderNumber({ kind, type, shard, sequence }, key);
            expect(number).toMatch(SHAPE);
            expect(Number(number[0])).toBe(firstDigitOf(kind, type));
            expect(number.slice(1, 3)).toBe(String(shard).padStart(2, '0'));
            expect(decodeOrderNumber(number, key)).toEqual({ kind, type, shard, sequence });
            expect(decodeOrderNumber(number)).toEqual({ kind, type, shard });
            expect(parseOrderNumber(number)).toEqual({ ok: true, number, kind, type, shard });
            count += 1;
          }
        }
      }
    }
    expect(count).toBe(2 * 4 * 100 * sequences.length);
  });

  it('round-trips any parts (property)', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const number = encodeOrderNumber(parts, key);
        expect(number).toHaveLength(ORDER_NUMBER_LENGTH);
        expect(number).toMatch(SHAPE);
        expect(decodeOrderNumber(number, key)).toEqual(parts);
        expect(isPlausibleOrderNumber(number)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('is injective: different parts give different numbers (property)', () => {
    fc.assert(
      fc.property(partsArb, partsArb, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(encodeOrderNumber(a, key)).not.toBe(encodeOrderNumber(b, key));
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact at the top of the range (below 2^53, no float rounding)', () => {
    const number = encodeOrderNumber(
      { kind: 'SUB_ORDER', type: 'EXCHANGE', shard: 99, sequence: SEQUENCE_SPACE - 1 },
      key,
    );
    expect(number.startsWith('899')).toBe(true);
    expect(Number(number)).toBeLessThan(2 ** 53);
    expect(String(Number(number))).toBe(number);
  });

  it('depends on the key: another key decodes to another sequence', () => {
    const parts: OrderNumberParts = { kind: 'ORDER', type: 'NORMAL', shard: 7, sequence: 42 };
    const number = encodeOrderNumber(parts, key);
    expect(encodeOrderNumber(parts, otherKey)).not.toBe(number);
    expect(decodeOrderNumber(number, otherKey).sequence).not.toBe(42);
  });

  it('throws a RangeError naming the bad argument', () => {
    const good: OrderNumberParts = { kind: 'ORDER', type: 'NORMAL', shard: 0, sequence: 0 };
    const cases: [Partial<Record<keyof OrderNumberParts, unknown>>, string][] = [
      [{ kind: 'PARCEL' }, 'kind'],
      [{ type: 'GIFT' }, 'type'],
      [{ shard: 100 }, 'shard'],
      [{ shard: -1 }, 'shard'],
      [{ shard: 1.5 }, 'shard'],
      [{ shard: Number.NaN }, 'shard'],
      [{ sequence: -1 }, 'sequence'],
      [{ sequence: SEQUENCE_SPACE }, 'sequence'],
      [{ sequence: 0.5 }, 'sequence'],
    ];
    for (const [override, name] of cases) {
      const parts = { ...good, ...override } as OrderNumberParts;
      expect(() => encodeOrderNumber(parts, key)).toThrow(RangeError);
      expect(() => encodeOrderNumber(parts, key)).toThrow(new RegExp(`^${name} must be`));
    }
  });

  it('decode rejects invalid numbers with InvalidOrderNumberError and does not trim', () => {
    const number = encodeOrderNumber({ kind: 'ORDER', type: 'PRESALE', shard: 3, sequence: 5 }, key);
    expect(() => decodeOrderNumber(` ${number}`)).toThrow(InvalidOrderNumberError);
    const typo = number.slice(0, 5) + String((Number(number[5]) + 1) % 10) + number.slice(6);
    try {
      decodeOrderNumber(typo, key);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOrderNumberError);
      expect((error as InvalidOrderNumberError).reason).toBe('CHECK_DIGIT');
      expect((error as InvalidOrderNumberError).input).toBe(typo);
    }
    expect(() => decodeOrderNumber(withCheckDigit('912345678901234'))).toThrow(/reserved/);
  });
});

describe('parseOrderNumber', () => {
  const valid = encodeOrderNumber({ kind: 'SUB_ORDER', type: 'RETURN', shard: 58, sequence: 987_654 }, key);

  it('accepts a valid number and trims surrounding whitespace', () => {
    const expected = { ok: true, number: valid, kind: 'SUB_ORDER', type: 'RETURN', shard: 58 };
    expect(parseOrderNumber(valid)).toEqual(expected);
    expect(parseOrderNumber(`  ${valid}\t\n`)).toEqual(expected);
    expect(assertOrderNumber(` ${valid} `)).toEqual(expected);
  });

  it("says 'FORMAT' for a wrong length, a non-digit or a leading 0", () => {
    const format = [
      '',
      '   ',
      valid.slice(0, 15),
      `${valid}0`,
      `${valid.slice(0, 8)} ${valid.slice(8)}`,
      `${valid.slice(0, 8)}-${valid.slice(9)}`,
      `${valid.slice(0, 15)}x`,
      '１２３４５６７８９０１２３４５６',
      withCheckDigit('012345678901234'),
      `１${valid.slice(1)}`,
      `+${valid.slice(1)}`,
    ];
    for (const input of format) expect(parseOrderNumber(input)).toEqual({ ok: false, reason: 'FORMAT' });
  });

  it("says 'CHECK_DIGIT' for any one-digit typo that keeps the shape (property)", () => {
    fc.assert(
      fc.property(
        partsArb,
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 1, max: 9 }),
        (parts, at, delta) => {
          const number = encodeOrderNumber(parts, key);
          const digit = (Number(number[at]) + delta) % 10;
          fc.pre(!(at === 0 && digit === 0));
          const typo = number.slice(0, at) + String(digit) + number.slice(at + 1);
          expect(parseOrderNumber(typo)).toEqual({ ok: false, reason: 'CHECK_DIGIT' });
          expect(() => assertOrderNumber(typo)).toThrow(InvalidOrderNumberError);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("says 'RESERVED' for a well-formed number starting with 9", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^9\d{14}$/), (body) => {
        expect(parseOrderNumber(withCheckDigit(body))).toEqual({ ok: false, reason: 'RESERVED' });
      }),
      { numRuns: 1000 },
    );
    try {
      assertOrderNumber(withCheckDigit('900000000000000'));
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidOrderNumberError).reason).toBe('RESERVED');
    }
  });

  it('never accepts an 11-digit string (a phone number) or any other length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (digits) => {
        expect(parseOrderNumber(digits)).toEqual({ ok: false, reason: 'FORMAT' });
        expect(isPlausibleOrderNumber(digits)).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect(parseOrderNumber('13812345678')).toEqual({ ok: false, reason: 'FORMAT' });
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,30}$/), (digits) => {
        fc.pre(digits.length !== ORDER_NUMBER_LENGTH);
        expect(isPlausibleOrderNumber(digits)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const parsed = parseOrderNumber(input);
        if (parsed.ok) expect(parsed.number).toMatch(SHAPE);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('encodeSubOrderNumber', () => {
  it("carries its parent's shard and type, kind SUB_ORDER, and its own sequence (property)", () => {
    fc.assert(
      fc.property(
        partsArb.map((parts) => ({ ...parts, kind: 'ORDER' as const })),
        fc.integer({ min: 0, max: SEQUENCE_SPACE - 1 }),
        (parent, sequence) => {
          const parentNumber = encodeOrderNumber(parent, key);
          const subNumber = encodeSubOrderNumber(parentNumber, sequence, key);
          expect(subNumber).toMatch(SHAPE);
          expect(subNumber.slice(1, 3)).toBe(parentNumber.slice(1, 3));
          expect(Number(subNumber[0])).toBe(Number(parentNumber[0]) + 4);
          expect(decodeOrderNumber(subNumber, key)).toEqual({
            kind: 'SUB_ORDER',
            type: parent.type,
            shard: parent.shard,
            sequence,
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a sub-order or an invalid number as parent', () => {
    const parent = encodeOrderNumber({ kind: 'ORDER', type: 'NORMAL', shard: 12, sequence: 1 }, key);
    const sub = encodeSubOrderNumber(parent, 2, key);
    expect(() => encodeSubOrderNumber(sub, 3, key)).toThrow(/^parentNumber must be/);
    expect(() => encodeSubOrderNumber('123', 3, key)).toThrow(InvalidOrderNumberError);
    expect(() => encodeSubOrderNumber(parent, -1, key)).toThrow(/^sequence must be/);
  });
});
