import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE_PARAMS,
  RULE_PRIORITY,
  screenOrder,
  type RuleSetting,
  type ScreeningFacts,
} from './screening.js';

const clean: ScreeningFacts = {
  payableFen: 10_000,
  accountAgeDays: 400,
  paidOrdersToAddress: 1,
  blacklisted: [],
  maxQuantityPerSku: 2,
};
const allOn: RuleSetting[] = RULE_PRIORITY.map((code) => ({
  code,
  enabled: true,
  params: DEFAULT_RULE_PARAMS[code],
}));

describe('screenOrder', () => {
  it('lets an ordinary order through', () => {
    expect(screenOrder(clean, allOn)).toEqual([]);
  });

  it.each([
    [{ blacklisted: ['PHONE'] as const }, 'BLACKLIST'],
    [{ payableFen: 500_001, accountAgeDays: 2 }, 'HIGH_VALUE_NEW_ACCOUNT'],
    [{ paidOrdersToAddress: 4 }, 'ADDRESS_VELOCITY'],
    [{ maxQuantityPerSku: 21 }, 'QUANTITY_LIMIT'],
  ])('fires on %j as %s', (change, rule) => {
    expect(screenOrder({ ...clean, ...change }, allOn).map((h) => h.rule)).toEqual([rule]);
  });

  it('does not fire at the thresholds themselves', () => {
    expect(
      screenOrder(
        { ...clean, payableFen: 500_000, accountAgeDays: 2, paidOrdersToAddress: 3, maxQuantityPerSku: 20 },
        allOn,
      ),
    ).toEqual([]);
    expect(screenOrder({ ...clean, payableFen: 900_000, accountAgeDays: 7 }, allOn)).toEqual([]);
  });

  it('reports every hit, most serious first, with the figures as evidence', () => {
    const hits = screenOrder({ ...clean, maxQuantityPerSku: 50, blacklisted: ['ADDRESS'] }, allOn);
    expect(hits).toEqual([
      { rule: 'BLACKLIST', evidence: { matched: ['ADDRESS'] } },
      { rule: 'QUANTITY_LIMIT', evidence: { maxQuantityPerSku: 50, limit: 20 } },
    ]);
  });

  it('skips a rule a manager switched off, and uses the thresholds set', () => {
    const settings = allOn.map((s) =>
      s.code === 'QUANTITY_LIMIT'
        ? { ...s, params: { maxQuantityPerSku: 100 } }
        : s.code === 'BLACKLIST'
          ? { ...s, enabled: false }
          : s,
    );
    expect(screenOrder({ ...clean, maxQuantityPerSku: 50, blacklisted: ['PHONE'] }, settings)).toEqual([]);
  });
});
