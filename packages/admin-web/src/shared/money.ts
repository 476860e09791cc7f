/** The part of a GraphQL `Money` the console formats: its yuan string, e.g. "12345.60". */
export interface MoneyLike {
  readonly yuan: string;
}

const CNY = new Intl.NumberFormat('zh-CN', {
  style: 'currency',
  currency: 'CNY',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * `¥12,345.60` from a Money's yuan string. The string is formatted as a decimal, never through a float, so
 * large amounts keep every fen; anything else is shown as it came rather than as a wrong number.
 */
export function formatMoney(money: MoneyLike | null | undefined): string {
  if (!money) return '—';
  const yuan = money.yuan.trim();
  if (!DECIMAL.test(yuan)) return yuan;
  return CNY.format(yuan as `${number}`);
}

/** The same, with a leading minus sign for amounts that are taken off (discounts in the reconciliation). */
export function formatDeduction(money: MoneyLike): string {
  const formatted = formatMoney(money);
  return /^0+(\.0+)?$/.test(money.yuan.trim().replace(/^-/, '')) ? formatted : `−${formatted}`;
}

/** The yuan string of an integer amount of fen (timeline payloads carry fen), without going through a float. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) return String(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Yuan as people type it ("500", "99.5", "1,200.00") → integer fen, by string arithmetic (never a float);
 * undefined for anything else (negative, more than two decimals, not a number).
 */
export function yuanToFen(text: string): number | undefined {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim().replaceAll(',', ''));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
