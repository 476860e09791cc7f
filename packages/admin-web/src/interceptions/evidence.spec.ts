import { describe, expect, it } from 'vitest';
import { createI18n } from '@/app/i18n';
import { compactEvidence, evidenceItems } from './evidence';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

describe('interception evidence', () => {
  it('names the figures screening recorded per rule, and shows fen as money', () => {
    expect(
      compactEvidence(zh, {
        HIGH_VALUE_NEW_ACCOUNT: {
          payableFen: 650_000,
          accountAgeDays: 2,
          minPayableFen: 500_000,
          maxAccountAgeDays: 7,
        },
      }),
    ).toBe('应付金额 ¥6,500.00 · 账龄（天） 2 · 金额阈值 ¥5,000.00 · 账龄阈值（天） 7');
    expect(compactEvidence(en, { QUANTITY_LIMIT: { maxQuantityPerSku: 25, limit: 20 } })).toBe(
      'Largest quantity of one SKU 25 · Limit 20',
    );
  });

  it('names each rule when several fired', () => {
    expect(
      compactEvidence(zh, {
        BLACKLIST: { matched: ['PHONE', 'ADDRESS'] },
        QUANTITY_LIMIT: { maxQuantityPerSku: 25, limit: 20 },
      }),
    ).toBe('黑名单：命中 手机号、地址；超量购买：单个 SKU 最大数量 25 · 上限 20');
    expect(
      compactEvidence(
        en,
        { BLACKLIST: { matched: ['PHONE'] }, QUANTITY_LIMIT: { limit: 20 } },
        'QUANTITY_LIMIT',
      ),
    ).toBe('Quantity limit：Limit 20；Blacklist：Matched phone');
  });

  it('reads flat evidence too, and keeps unknown keys as they came', () => {
    expect(compactEvidence(zh, { by: 'agent' })).toBe('操作人 agent');
    expect(evidenceItems(en, { something: { a: 1 } })).toEqual([
      { group: null, key: 'something', label: 'something', value: '{"a":1}' },
    ]);
    expect(compactEvidence(en, null)).toBe('');
  });
});
