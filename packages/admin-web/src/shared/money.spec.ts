import { describe, expect, it } from 'vitest';
import { fenToYuan, formatDeduction, formatMoney, yuanToFen } from './money';

describe('formatMoney', () => {
  it('formats yuan as CNY the Chinese way', () => {
    expect(formatMoney({ yuan: '12345.60' })).toBe('¥12,345.60');
    expect(formatMoney({ yuan: '0.00' })).toBe('¥0.00');
    expect(formatMoney({ yuan: '7' })).toBe('¥7.00');
    expect(formatMoney({ yuan: '1234567.05' })).toBe('¥1,234,567.05');
  });

  it('keeps every fen of amounts beyond float precision', () => {
    expect(formatMoney({ yuan: '90071992547409.93' })).toBe('¥90,071,992,547,409.93');
  });

  it('shows negative amounts (reversals) with a minus sign', () => {
    expect(formatMoney({ yuan: '-50.00' })).toBe('-¥50.00');
  });

  it('never invents a number from something that is not one', () => {
    expect(formatMoney({ yuan: 'n/a' })).toBe('n/a');
    expect(formatMoney(null)).toBe('—');
  });
});

describe('formatDeduction', () => {
  it('prefixes taken-off amounts with a minus sign, but not zero', () => {
    expect(formatDeduction({ yuan: '10.00' })).toBe('−¥10.00');
    expect(formatDeduction({ yuan: '0.00' })).toBe('¥0.00');
  });
});

describe('fenToYuan', () => {
  it('turns integer fen into a yuan string exactly', () => {
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-1050)).toBe('-10.50');
    expect(fenToYuan(9007199254740991)).toBe('90071992547409.91');
  });
});

describe('yuanToFen', () => {
  it('reads yuan as typed into integer fen exactly', () => {
    expect(yuanToFen('500')).toBe(50000);
    expect(yuanToFen('99.5')).toBe(9950);
    expect(yuanToFen(' 1,200.05 ')).toBe(120005);
    expect(yuanToFen('0.01')).toBe(1);
  });

  it('refuses what is not an amount', () => {
    expect(yuanToFen('')).toBeUndefined();
    expect(yuanToFen('-5')).toBeUndefined();
    expect(yuanToFen('1.234')).toBeUndefined();
    expect(yuanToFen('abc')).toBeUndefined();
  });
});
