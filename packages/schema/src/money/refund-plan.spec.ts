import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateOrderLevelAmounts } from './order-allocation.js';
import { paidByInstrument, refundForCancelledLines } from './refund.js';
import { collectedCashPayment, planInstrumentRefund } from './refund-plan.js';
import { batchesArbitrary, orderArbitrary, RUNS } from './test-orders.js';

describe('planInstrumentRefund', () => {
  it('over every batch of cancelled lines gives back exactly what each instrument paid, each card to itself, balances accumulating', () => {
    fc.assert(
      fc.property(
        orderArbitrary.chain((order) =>
          fc.tuple(
            fc.constant(order),
            batchesArbitrary(order.lines.length),
            fc.integer({ min: 1, max: 10_000 }),
          ),
        ),
        ([order, batches, pointsPerYuan]) => {
          const allocations = allocateOrderLevelAmounts(order);
          const paid = paidByInstrument(allocations);
          // Usages exist only for the cards that paid something, in checkout order; balances start at 100.
          const cards = paid.giftCards.flatMap((total, k) =>
            total > 0 ? [{ cardNumber: `card-${k}`, balanceAfterFen: 100 }] : [],
          );
          const pointsSpent = Math.round((paid.points * pointsPerYuan) / 100);
          let points =
            paid.points > 0 ? { points: pointsSpent, valueFen: paid.points, balanceAfter: 0 } : null;
          const cash = { method: 'ALIPAY' as const, status: 'SUCCEEDED' as const };
          let cashBack = 0;
          const perCard = new Map<string, number>();
          let pointsValueBack = 0;
          const done: number[] = [];
          for (const batch of batches) {
            const share = refundForCancelledLines(allocations, batch, done);
            const plan = planInstrumentRefund(share, paid, { cash, cards, points });
            cashBack += plan.cash?.amountFen ?? 0;
            for (const part of plan.cards) {
              expect(part.amountFen).toBeGreaterThan(0);
              perCard.set(part.card.cardNumber, (perCard.get(part.card.cardNumber) ?? 0) + part.amountFen);
              // The caller records the new balance: the next refund starts from it.
              cards[cards.indexOf(part.card)] = { ...part.card, balanceAfterFen: part.balanceAfterFen };
            }
            if (plan.points) {
              pointsValueBack += plan.points.valueFen;
              expect(plan.points.balanceAfter).toBe(points!.balanceAfter + plan.points.points);
              points = { ...points!, balanceAfter: plan.points.balanceAfter };
            }
            done.push(...batch);
          }
          expect(cashBack).toBe(paid.cash);
          expect(pointsValueBack).toBe(paid.points);
          paid.giftCards.forEach((total, k) => {
            expect(perCard.get(`card-${k}`) ?? 0).toBe(total);
            if (total > 0)
              expect(cards.find((c) => c.cardNumber === `card-${k}`)!.balanceAfterFen).toBe(100 + total);
          });
        },
      ),
      { numRuns: RUNS / 4 },
    );
  });

  it('refunds no cash where none was collected, and gives points back at the rate paid', () => {
    const plan = planInstrumentRefund(
      { cash: 500, giftCards: [0, 300], points: 250 },
      { cash: 1_000, giftCards: [0, 300], points: 1_000 },
      {
        cash: null,
        cards: [{ cardNumber: 'B', balanceAfterFen: 0 }],
        points: { points: 500, valueFen: 1_000, balanceAfter: 7 },
      },
    );
    expect(plan.cash).toBeNull();
    expect(plan.cards).toEqual([
      { card: { cardNumber: 'B', balanceAfterFen: 0 }, amountFen: 300, balanceAfterFen: 300 },
    ]);
    expect(plan.points).toMatchObject({ points: 125, valueFen: 250, balanceAfter: 132 });
  });
});

describe('collectedCashPayment', () => {
  it('is the first cash payment that was collected: not a card, not points, not a pending or failed one', () => {
    expect(
      collectedCashPayment([
        { id: 1, method: 'GIFT_CARD', status: 'SUCCEEDED' },
        { id: 2, method: 'COD', status: 'PENDING' },
        { id: 3, method: 'WECHAT_PAY', status: 'FAILED' },
        { id: 4, method: 'ALIPAY', status: 'PARTIALLY_REFUNDED' },
        { id: 5, method: 'BANK_CARD', status: 'SUCCEEDED' },
      ] as const)?.id,
    ).toBe(4);
    expect(collectedCashPayment([{ method: 'POINTS', status: 'SUCCEEDED' }] as const)).toBeNull();
  });
});
