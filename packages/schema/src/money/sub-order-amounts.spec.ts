import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmountRuleError } from './amount-rule-error.js';
import { computeOrderAmounts, type OrderAmounts, type OrderAmountsInput } from './order-amounts.js';
import { allocateOrderLevelAmounts } from './order-allocation.js';
import { splitAmountsBySubOrder, sumLineAllocations } from './sub-order-amounts.js';
import { deepFreeze, orderArbitrary, RUNS } from './test-orders.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AmountRuleError) return error.field;
    throw error;
  }
  return undefined;
}

const FIELDS = [
  'goods',
  'freight',
  'orderTotal',
  'couponDiscount',
  'promotionDiscount',
  'giftCard',
  'points',
  'payable',
] as const;

const input: OrderAmountsInput = {
  lines: [10000, 20000, 30000].map((salePriceFen) => ({ salePriceFen, quantity: 1 })),
  freightFen: 1000,
  couponDiscountFen: 1000,
  promotionDiscountFen: 3000,
  giftCards: [{ amountFen: 10000 }],
  pointsFen: 100,
};

describe('splitAmountsBySubOrder: examples', () => {
  it('sums each sub-order’s lines (hand-checked against the allocation example)', () => {
    const [first, second] = splitAmountsBySubOrder(allocateOrderLevelAmounts(input), [[2, 0], [1]]);
    expect(first).toEqual({
      goods: 40000,
      freight: 667,
      orderTotal: 40667,
      couponDiscount: 667,
      promotionDiscount: 2000,
      giftCard: 6667,
      points: 67,
      payable: 31266,
    });
    expect(second).toEqual({
      goods: 20000,
      freight: 333,
      orderTotal: 20333,
      couponDiscount: 333,
      promotionDiscount: 1000,
      giftCard: 3333,
      points: 33,
      payable: 15634,
    });
  });

  it('one sub-order carrying every line is the parent', () => {
    expect(splitAmountsBySubOrder(allocateOrderLevelAmounts(input), [[0, 1, 2]])).toEqual([
      computeOrderAmounts(input),
    ]);
    expect(sumLineAllocations(allocateOrderLevelAmounts(input))).toEqual(computeOrderAmounts(input));
  });

  it('refuses groupings that lose or repeat a line', () => {
    const allocations = allocateOrderLevelAmounts(input);
    expect(fieldOf(() => splitAmountsBySubOrder(allocations, [[0, 1]]))).toBe('groups');
    expect(
      fieldOf(() =>
        splitAmountsBySubOrder(allocations, [
          [0, 1],
          [1, 2],
        ]),
      ),
    ).toBe('groups[1][0]');
    expect(fieldOf(() => splitAmountsBySubOrder(allocations, [[0, 1, 1], [2]]))).toBe('groups[0][2]');
    expect(fieldOf(() => splitAmountsBySubOrder(allocations, [[0, 1, 2], [3]]))).toBe('groups[1][0]');
    expect(fieldOf(() => splitAmountsBySubOrder(allocations, [[0, 1, 2], [-1]]))).toBe('groups[1][0]');
    expect(fieldOf(() => splitAmountsBySubOrder(allocations, [[0, 1, 2], []]))).toBe('groups[1]');
    expect(fieldOf(() => splitAmountsBySubOrder(allocations, [[0, 1.5, 2]]))).toBe('groups[0][1]');
  });

  it('refuses allocations that do not balance', () => {
    const allocations = allocateOrderLevelAmounts(input);
    const broken = allocations.map((a, i) => (i === 1 ? { ...a, cash: a.cash + 1 } : a));
    expect(fieldOf(() => splitAmountsBySubOrder(broken, [[0, 1, 2]]))).toBe('allocations[1].cash');
  });
});

/** An order and a random grouping of its lines into 1–6 sub-orders (lines in random order inside a group). */
const orderAndGroups = orderArbitrary.chain((order) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 5 }), {
        minLength: order.lines.length,
        maxLength: order.lines.length,
      }),
      fc.shuffledSubarray(
        order.lines.map((_, i) => i),
        { minLength: order.lines.length, maxLength: order.lines.length },
      ),
    )
    .map(([groupOf, order_]) => {
      const groups = [0, 1, 2, 3, 4, 5]
        .map((g) => order_.filter((i) => groupOf[i] === g))
        .filter((group) => group.length > 0);
      return { order, groups };
    }),
);

describe('splitAmountsBySubOrder: properties', () => {
  it('sub-orders sum to the parent, field by field, to the fen', () => {
    fc.assert(
      fc.property(orderAndGroups, ({ order, groups }) => {
        const parent = computeOrderAmounts(order);
        const subOrders = splitAmountsBySubOrder(deepFreeze(allocateOrderLevelAmounts(order)), groups);
        expect(subOrders).toHaveLength(groups.length);
        for (const field of FIELDS)
          expect(subOrders.reduce((s, sub) => s + sub[field], 0)).toBe(parent[field]);
      }),
      { numRuns: RUNS },
    );
  });

  it('each sub-order obeys the section-4 rules on its own', () => {
    fc.assert(
      fc.property(orderAndGroups, ({ order, groups }) => {
        const subOrders: OrderAmounts[] = splitAmountsBySubOrder(allocateOrderLevelAmounts(order), groups);
        subOrders.forEach((sub, g) => {
          const goods = groups[g]!.reduce(
            (s, i) => s + order.lines[i]!.salePriceFen * order.lines[i]!.quantity,
            0,
          );
          expect(sub.goods).toBe(goods);
          expect(sub.orderTotal).toBe(sub.goods + sub.freight);
          expect(sub.payable).toBe(
            sub.orderTotal - sub.couponDiscount - sub.promotionDiscount - sub.giftCard - sub.points,
          );
          expect(sub.payable).toBeGreaterThanOrEqual(0);
          expect(sub.couponDiscount + sub.promotionDiscount).toBeLessThanOrEqual(sub.goods);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('a grouping that drops a line is refused', () => {
    fc.assert(
      fc.property(orderAndGroups, fc.nat(), ({ order, groups }, pick) => {
        const g = pick % groups.length;
        const dropped = groups
          .map((group, k) => (k === g ? group.slice(1) : group))
          .filter((group) => group.length > 0);
        expect(fieldOf(() => splitAmountsBySubOrder(allocateOrderLevelAmounts(order), dropped))).toBe(
          'groups',
        );
      }),
      { numRuns: RUNS },
    );
  });
});
