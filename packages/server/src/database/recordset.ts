/**
 * Rows as one JSON parameter for `jsonb_to_recordset($n::jsonb)`, the shape of every set-based write: each row
 * carries its index `i`, so an `INSERT … SELECT … ORDER BY i` keeps the caller's order (ids, seq, timelines).
 */
export function recordset(rows: readonly object[]): string {
  return JSON.stringify(rows.map((row, i) => ({ i, ...row })));
}
