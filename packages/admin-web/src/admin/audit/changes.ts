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

/**
 * An audit row's before and after as lines, one per field: the fields of `after` in their order, then those only
 * `before` has. A field present on both sides with the same value is the row's subject (whose role changed, which
 * key was revoked), kept and marked unchanged. A side that is not an object (null, a list) gives no fields.
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
  return lines;
}
