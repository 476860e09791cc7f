import { describe, expect, it } from 'vitest';
import { amountPaidByCustomer, pointsForValue } from './refund.js';

describe('pointsForValue', () => {
  it('gives back points at the rate paid, rounded to the nearest point', () => {
    expect(pointsForValue(250, 1_000, 1_000)).toBe(250);
    expect(pointsForValue(333, 500, 1_000)).toBe(167);
    expect(pointsForValue(100, 100, 0)).toBe(0);
  });
});

describe('amountPaidByCustomer', () => {
  it('is the order total less coupon and promotion, whatever the instruments', () => {
    expect(
      amountPaidByCustomer({ goods: 30_000, freight: 800, couponDiscount: 1_000, promotionDiscount: 5_000 }),
    ).toBe(24_800);
  });
});
