import { badInput } from '../../errors/domain-error.js';

/**
 * Keyset cursors (docs/api.md "Lists"): the sort key of the last row a page gave, opaque to clients. One format for
 * every list — base64url of a JSON array — and one decoder that checks each part against what the list's SQL will
 * bind, so a crafted cursor is BAD_USER_INPUT naming `after`, never a database error.
 */

/** What one part of a cursor holds: a row id (bigint), a point in time, or a whole number. */
export type CursorPart = 'id' | 'time' | 'int';

type Decoded<P extends readonly CursorPart[]> = {
  [K in keyof P]: P[K] extends 'time' ? Date : string | number;
};

const MAX_BIGINT = 9_223_372_036_854_775_807n;
// PostgreSQL's timestamptz goes much further; no row of ours is dated outside these years.
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/** The cursor of a row whose sort key is `values` (ids as strings, times as Dates, whole numbers). */
export function encodeCursor(values: readonly (string | number | Date)[]): string {
  const plain = values.map((value) => (value instanceof Date ? value.toISOString() : value));
  return Buffer.from(JSON.stringify(plain)).toString('base64url');
}

function checkedPart(part: CursorPart, value: unknown): Date | string | number | undefined {
  if (part === 'id')
    return typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT
      ? value
      : undefined;
  if (part === 'int') return Number.isSafeInteger(value) ? (value as number) : undefined;
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return time >= EARLIEST && time <= LATEST ? new Date(time) : undefined;
}

/** The parts of a cursor this list gave out, each checked; anything else is BAD_USER_INPUT naming `after`. */
export function decodeCursor<const P extends readonly CursorPart[]>(after: string, parts: P): Decoded<P> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (Array.isArray(values) && values.length === parts.length) {
    const checked = parts.map((part, k) => checkedPart(part, values[k]));
    if (checked.every((value) => value !== undefined)) return checked as Decoded<P>;
  }
  throw badInput('after', 'not a cursor this list gave out');
}
