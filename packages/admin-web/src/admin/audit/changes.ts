/** One line of an audit row's change: a field with its value before and after (either may be absent). */
export interface ChangeLine {
  readonly field: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** true when both sides have the field and its value differs, or only one side has it */
  readonly changed: boolean;
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Who or what a row is about reads first, its ids last (PostgreSQL's jsonb keeps keys in an order of its own). */
const FIRST = ['username', 'name', 'displayName'];
const LAST = ['staffId', 'apiKeyId'];
const rank = (field: string) => (FIRST.includes(field) ? -1 : LAST.includes(field) ? 1 : 0);

/**
 * An audit row's before and after as lines, one per field: the name of what the row is about first, then the fields of
 * `after` in their order, those only `before` has, and the ids last. A field present on both sides with the same value
 * is the row's subject (whose role changed, which key was revoked), kept and marked unchanged. A side that is not an
 * object (null, a list) gives no fields.
 */
export function changeLines(before: unknown, after: unknown): ChangeLine[] {
  const old = fieldsOf(before);
  const now = fieldsOf(after);
  const lines: ChangeLine[] = Object.entries(now).map(([field, value]) =>
    Object.hasOwn(old, field)
      ? { field, before: old[field], after: value, changed: !same(old[field], value) }
      : { field, after: value, changed: true },
  );
  for (const [field, value] of Object.entries(old)) {
    if (!Object.hasOwn(now, field)) lines.push({ field, before: value, changed: true });
  }
  return lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => rank(a.line.field) - rank(b.line.field) || a.i - b.i)
    .map(({ line }) => line);
}
