/** The four order types; the position in this list is the type's offset in the first digit. */
export const ORDER_TYPES = ['NORMAL', 'PRESALE', 'RETURN', 'EXCHANGE'] as const;
/** An order's type, as carried by the first digit of its number. */
export type OrderType = (typeof ORDER_TYPES)[number];

/** The two kinds of order number: a parent order (first digit 1–4) or a sub-order (5–8). */
export const ORDER_NUMBER_KINDS = ['ORDER', 'SUB_ORDER'] as const;
/** Whether a number names a parent order or one of its sub-orders. */
export type OrderNumberKind = (typeof ORDER_NUMBER_KINDS)[number];

/** Number of shards (分库分表 keys); a shard is carried as two digits 00–99. */
export const SHARD_COUNT = 100;
/** Every order number has exactly this many digits. */
export const ORDER_NUMBER_LENGTH = 16;
/** Sequence values are integers in [0, SEQUENCE_SPACE): the 12-digit permuted part covers exactly this space. */
export const SEQUENCE_SPACE = 1_000_000_000_000;
/** The first digit that is never generated and always rejected (kept for a future kind). */
export const RESERVED_FIRST_DIGIT = 9;

/** A first digit that names a kind and type (1–8). */
export type OrderNumberFirstDigit = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** What the first digit of an order number says at a glance. */
export interface OrderNumberClass {
  readonly kind: OrderNumberKind;
  readonly type: OrderType;
}

/** The published first-digit table (docs print it): 1–4 parent orders, 5–8 sub-orders; 9 is reserved. */
export const ORDER_NUMBER_FIRST_DIGITS: Readonly<Record<OrderNumberFirstDigit, OrderNumberClass>> = {
  1: { kind: 'ORDER', type: 'NORMAL' },
  2: { kind: 'ORDER', type: 'PRESALE' },
  3: { kind: 'ORDER', type: 'RETURN' },
  4: { kind: 'ORDER', type: 'EXCHANGE' },
  5: { kind: 'SUB_ORDER', type: 'NORMAL' },
  6: { kind: 'SUB_ORDER', type: 'PRESALE' },
  7: { kind: 'SUB_ORDER', type: 'RETURN' },
  8: { kind: 'SUB_ORDER', type: 'EXCHANGE' },
};

/** The class of a first digit 1–8, or undefined for 0, 9 or anything else. */
export function classOfFirstDigit(digit: number): OrderNumberClass | undefined {
  return digit >= 1 && digit <= 8 ? ORDER_NUMBER_FIRST_DIGITS[digit as OrderNumberFirstDigit] : undefined;
}

/** The first digit for a kind and type, or -1 when either is not one of the known values. */
export function firstDigitOf(kind: OrderNumberKind, type: OrderType): number {
  const typeIndex = ORDER_TYPES.indexOf(type);
  if (typeIndex < 0) return -1;
  if (kind === 'ORDER') return 1 + typeIndex;
  if (kind === 'SUB_ORDER') return 5 + typeIndex;
  return -1;
}
