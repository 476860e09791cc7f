// Issue order must not show in the numbers (docs/domain.md §5: no volume leak). Fixed key and start, so no flakiness.
import { describe, expect, it } from 'vitest';
import { permutationKeyFromSecret } from './feistel.js';
import { InMemorySequenceBlockSource, OrderNumberGenerator } from './generator.js';
import { type OrderNumberKind, type OrderType } from './layout.js';

const key = permutationKeyFromSecret('statistics-spec-secret');

async function issue(count: number, kind: OrderNumberKind, type: OrderType, shard: number, start = 0) {
  const generator = new OrderNumberGenerator({
    source: new InMemorySequenceBlockSource(start),
    key,
    blockSize: 4096,
  });
  const numbers: string[] = [];
  for (let i = 0; i < count; i += 1) {
    numbers.push(generator.nextSync(kind, type, shard) ?? (await generator.next(kind, type, shard)));
  }
  return numbers;
}

/** Spearman's rank correlation between issue index and numeric value (values are distinct). */
function spearmanAgainstIndex(values: readonly number[]): number {
  const n = values.length;
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  let sumSquares = 0;
  order.forEach(({ index }, rank) => {
    sumSquares += (rank - index) ** 2;
  });
  return 1 - (6 * sumSquares) / (n * (n * n - 1));
}

function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

// Chi-square critical values at p = 0.001.
const CHI2_9_P001 = 27.88;
const CHI2_99_P001 = 148.23;

describe('issue order vs numeric order', () => {
  const cases: [OrderNumberKind, OrderType, number, number][] = [
    ['ORDER', 'NORMAL', 0, 0],
    ['ORDER', 'PRESALE', 57, 123_456_789],
    ['SUB_ORDER', 'EXCHANGE', 99, 999_999_000_000],
  ];

  for (const [kind, type, shard, start] of cases) {
    it(`are unrelated over 10,000 consecutive numbers (${kind} ${type} shard ${shard}, from ${start})`, async () => {
      const values = (await issue(10_000, kind, type, shard, start)).map(Number);
      expect(Math.abs(spearmanAgainstIndex(values))).toBeLessThan(0.05);
      let ascending = 0;
      for (let i = 1; i < values.length; i += 1) if (values[i]! > values[i - 1]!) ascending += 1;
      expect(Math.abs(ascending / (values.length - 1) - 0.5)).toBeLessThan(0.02);
    });
  }

  it('spread the leading permuted digits uniformly (chi-square)', async () => {
    const numbers = await issue(100_000, 'ORDER', 'NORMAL', 42);
    const first = new Array<number>(10).fill(0);
    const firstTwo = new Array<number>(100).fill(0);
    const last = new Array<number>(10).fill(0);
    for (const number of numbers) {
      const d = Number(number[3]);
      const dd = Number(number.slice(3, 5));
      const z = Number(number[14]);
      first[d] = (first[d] ?? 0) + 1;
      firstTwo[dd] = (firstTwo[dd] ?? 0) + 1;
      last[z] = (last[z] ?? 0) + 1;
    }
    expect(chiSquare(first)).toBeLessThan(CHI2_9_P001);
    expect(chiSquare(firstTwo)).toBeLessThan(CHI2_99_P001);
    expect(chiSquare(last)).toBeLessThan(CHI2_9_P001);
  });

  it('differ between shards for the same sequence (no shared structure)', async () => {
    const a = (await issue(1000, 'ORDER', 'NORMAL', 10)).map((number) => number.slice(3, 15));
    const b = (await issue(1000, 'ORDER', 'NORMAL', 11)).map((number) => number.slice(3, 15));
    const same = a.filter((digits, i) => digits === b[i]).length;
    expect(same).toBe(0);
  });
});
