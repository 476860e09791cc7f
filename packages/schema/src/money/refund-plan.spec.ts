import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PaymentMethod, PaymentStatus } from '../enums/enums.js';
import { AmountRuleError } from './amount-rule-error.js';
import { allocateOrderLevelAmounts } from './order-allocation.js';
import { paidByInstrument, refundForCancelledLines } from './refund.js';
import { collectedCashPayments, overpaidBy, planInstrumentRefund, spreadCashRefund } from './refund-plan.js';
import { batchesArbitrary, orderArbitrary, RUNS } from './test-orders.js';

interface CashPayment {
  id: number;
  method: 'ALIPAY' | 'WECHAT_PAY';
  status: 'SUCCEEDED' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'PENDING' | 'FAILED';
  amountFen: number;
  refundedFen: number;
}

/** `total` split into 1–3 payments (split tender, a second attempt), in the order they were made. */
function splitTender(total: number): fc.Arbitrary<CashPayment[]> {
  return fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 0, maxLength: 2 }).map((cuts) => {
    const points = [...new Set(cuts.map((c) => Math.floor((total * c) / 10_000)))].sort((a, b) => a - b);
    const bounds = [0, ...points, total];
    return bounds.slice(1).map((end, i) => ({
      id: i + 1,
      method: i % 2 ? 'WECHAT_PAY' : 'ALIPAY',
      status: 'SUCCEEDED',
      amountFen: end - bounds[i]!,
      refundedFen: 0,
    }));
  });
}

describe('planInstrumentRefund', () => {
  it('over every batch of cancelled lines gives back exactly what each instrument paid: cash spread over split tender, most recent first, each card to itself, balances accumulating', () => {
    fc.assert(
      fc.property(
        orderArbitrary.chain((order) => {
          const paid = paidByInstrument(allocateOrderLevelAmounts(order));
          return fc.tuple(
            fc.constant(order),
            batchesArbitrary(order.lines.length),
            fc.integer({ min: 1, max: 10_000 }),
            splitTender(paid.cash),
          );
        }),
        ([order, batches, pointsPerYuan, cashPayments]) => {
          const allocations = allocateOrderLevelAmounts(order);
          const paid = paidByInstrument(allocations);
          // Usages exist only for the cards that paid something, in checkout order; balances start at 100.
          const cards = paid.giftCards.flatMap((total, k) =>
            total > 0 ? [{ cardNumber: `card-${k}`, balanceAfterFen: 100 }] : [],
          );
          const pointsSpent = Math.round((paid.points * pointsPerYuan) / 100);
          let points =
            paid.points > 0 ? { points: pointsSpent, valueFen: paid.points, balanceAfter: 0 } : null;
          const perCard = new Map<string, number>();
          let pointsValueBack = 0;
          const done: number[] = [];
          for (const batch of batches) {
            const share = refundForCancelledLines(allocations, batch, done);
            const plan = planInstrumentRefund(share, paid, { cash: cashPayments, cards, points });
            expect(plan.cash.reduce((sum, part) => sum + part.amountFen, 0)).toBe(share.cash);
            for (const part of plan.cash) {
              expect(part.amountFen).toBeGreaterThan(0);
              part.payment.refundedFen += part.amountFen;
              expect(part.payment.refundedFen).toBeLessThanOrEqual(part.payment.amountFen);
            }
            // Most recent first: an older payment gives back only once every newer one has nothing left.
            cashPayments.forEach((payment, i) => {
              if (payment.refundedFen > 0)
                for (const newer of cashPayments.slice(i + 1))
                  expect(newer.refundedFen).toBe(newer.amountFen);
            });
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
          for (const payment of cashPayments) expect(payment.refundedFen).toBe(payment.amountFen);
          expect(pointsValueBack).toBe(paid.points);
          paid.giftCards.forEach((total, k) => {
            expect(perCard.get(`card-${k}`) ?? 0).toBe(total);
            if (total > 0)
              expect(cards.find((c) => c.cardNumber === `card-${k}`)!.balanceAfterFen).toBe(100 + total);
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('refunds no cash where none was collected (cash on delivery still pending), and gives points back at the rate paid', () => {
    const plan = planInstrumentRefund(
      { cash: 400, giftCards: [0, 300], points: 250 },
      { cash: 1_000, giftCards: [0, 300], points: 1_000 },
      {
        cash: [{ method: 'COD', status: 'PENDING', amountFen: 1_000, refundedFen: 0 }],
        cards: [{ cardNumber: 'B', balanceAfterFen: 0 }],
        points: { points: 500, valueFen: 1_000, balanceAfter: 7 },
      },
    );
    expect(plan.cash).toEqual([]);
    expect(plan.cards).toEqual([
      { card: { cardNumber: 'B', balanceAfterFen: 0 }, amountFen: 300, balanceAfterFen: 300 },
    ]);
    expect(plan.points).toMatchObject({ points: 125, valueFen: 250, balanceAfter: 132 });
  });
});

describe('spreadCashRefund', () => {
  const pay = (
    id: number,
    amountFen: number,
    refundedFen = 0,
  ): {
    id: number;
    method: PaymentMethod;
    status: PaymentStatus;
    amountFen: number;
    refundedFen: number;
  } => ({
    id,
    method: 'ALIPAY',
    status: 'SUCCEEDED',
    amountFen,
    refundedFen,
  });

  it('takes from the most recent payment first, never more than it has left, skipping what took nothing', () => {
    const parts = spreadCashRefund(900, [
      pay(1, 1_000),
      pay(2, 500, 200),
      { ...pay(3, 9_999), status: 'PENDING' },
      { ...pay(4, 9_999), method: 'GIFT_CARD' },
    ]);
    expect(parts.map((p) => [p.payment.id, p.amountFen])).toEqual([
      [2, 300],
      [1, 600],
    ]);
  });

  it('refuses to give back more than the cash payments have left', () => {
    expect(() => spreadCashRefund(801, [pay(1, 1_000, 200)])).toThrow(AmountRuleError);
  });

  it('lists the collected cash payments only', () => {
    const payments = [
      pay(1, 1),
      { ...pay(2, 1), status: 'FAILED' as const },
      { ...pay(3, 1), method: 'POINTS' as const },
      { ...pay(4, 1), status: 'REFUNDED' as const },
    ];
    expect(collectedCashPayments(payments).map((p) => p.id)).toEqual([1, 4]);
  });
});

describe('overpayment and split tender, over generated payment histories', () => {
  it('records every payment, gives back exactly what the order does not owe, then on cancel the rest, never more from a payment than it paid', () => {
    const event = fc.record({
      amountFen: fc.integer({ min: 1, max: 50_000 }),
      // Some payments succeed at once, some stay PENDING and may succeed later (a PENDING one never covers).
      arrives: fc.constantFrom('SUCCEEDED', 'PENDING', 'PENDING_THEN_SUCCEEDED', 'FAILED'),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(event, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (owedCash, events, cancelAfterwards) => {
          const payments: (CashPayment & { overpaid: number })[] = [];
          const succeeded = () =>
            collectedCashPayments(payments).reduce((sum, payment) => sum + payment.amountFen, 0);
          const refundedAsOverpaid = () => payments.reduce((sum, payment) => sum + payment.overpaid, 0);
          // What the server does when a payment turns SUCCEEDED: refund the excess from that payment, at most all of it.
          const succeed = (payment: (typeof payments)[number]) => {
            payment.status = 'SUCCEEDED';
            const excess = overpaidBy({
              succeededCash: succeeded(),
              refundedAsOverpaid: refundedAsOverpaid(),
              owedCash,
            });
            const back = Math.min(excess, payment.amountFen - payment.refundedFen);
            payment.overpaid += back;
            payment.refundedFen += back;
          };
          const later: (typeof payments)[number][] = [];
          events.forEach(({ amountFen, arrives }, i) => {
            const payment = {
              id: i + 1,
              method: 'ALIPAY' as const,
              status: (arrives === 'FAILED' ? 'FAILED' : 'PENDING') as CashPayment['status'],
              amountFen,
              refundedFen: 0,
              overpaid: 0,
            };
            payments.push(payment);
            if (arrives === 'SUCCEEDED') succeed(payment);
            if (arrives === 'PENDING_THEN_SUCCEEDED') later.push(payment);
          });
          for (const payment of later) succeed(payment);

          // Every payment is recorded; the order keeps exactly what it is owed (or all it got, if less).
          expect(payments).toHaveLength(events.length);
          const kept = succeeded() - refundedAsOverpaid();
          expect(kept).toBe(Math.min(owedCash, succeeded()));
          for (const payment of payments) {
            expect(payment.refundedFen).toBeLessThanOrEqual(payment.amountFen);
            if (payment.status === 'PENDING' || payment.status === 'FAILED')
              expect(payment.refundedFen).toBe(0);
          }
          if (!cancelAfterwards || kept === 0) return;
          // A cancel gives back what was kept, spread over the payments, most recent first.
          const parts = spreadCashRefund(kept, collectedCashPayments(payments));
          expect(parts.reduce((sum, part) => sum + part.amountFen, 0)).toBe(kept);
          for (const part of parts) part.payment.refundedFen += part.amountFen;
          for (const payment of collectedCashPayments(payments))
            expect(payment.refundedFen).toBe(payment.amountFen);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('overpaidBy', () => {
  it('is the succeeded cash beyond what the order owes and what was refunded as overpaid already', () => {
    expect(overpaidBy({ succeededCash: 20_000, refundedAsOverpaid: 0, owedCash: 10_000 })).toBe(10_000);
    expect(overpaidBy({ succeededCash: 20_000, refundedAsOverpaid: 10_000, owedCash: 10_000 })).toBe(0);
    expect(overpaidBy({ succeededCash: 5_000, refundedAsOverpaid: 0, owedCash: 10_000 })).toBe(0);
    expect(overpaidBy({ succeededCash: 5_000, refundedAsOverpaid: 0, owedCash: 0 })).toBe(5_000);
  });
});
