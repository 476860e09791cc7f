/**
 * A warehouse's daily cut-off (截单时间, docs/domain.md §8): a local time in Asia/Shanghai, written `HH:mm` in the API
 * and the console, stored as minutes after local midnight. A sub-order paid before it must ship by the end of that
 * day; one paid at or after it, by the end of the next day.
 */

/** `HH:mm`, two digits each, 00:00–23:59 (so `7:5` and `24:00` are not cut-offs). */
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes in a day: a cut-off is 0 … MINUTES_PER_DAY − 1. */
export const MINUTES_PER_DAY = 24 * 60;

/** The minute of the day written `HH:mm`, or null when the text is not such a time. */
export function parseLocalTime(text: string): number | null {
  const match = LOCAL_TIME.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** `HH:mm` of a minute of the day (0 … 1439). */
export function formatLocalTime(minuteOfDay: number): string {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay >= MINUTES_PER_DAY)
    throw new RangeError(`not a minute of the day: ${minuteOfDay}`);
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * When a sub-order paid at `paidAtMs` must have shipped at a warehouse whose cut-off is `cutoffMinute`: midnight
 * Asia/Shanghai at the end of the payment day when paid before the cut-off, else a day later. The SLA job computes
 * the same in SQL (packages/server/src/services/warehouses/sla.service.ts).
 */
export function shipByDeadline(paidAtMs: number, cutoffMinute: number): number {
  const local = paidAtMs + SHANGHAI_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const minuteOfDay = Math.floor((local - dayStart) / 60_000);
  const days = minuteOfDay < cutoffMinute ? 1 : 2;
  return dayStart + days * DAY_MS - SHANGHAI_OFFSET_MS;
}
