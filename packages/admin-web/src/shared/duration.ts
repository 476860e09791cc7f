import type { TFunction } from 'i18next';

/**
 * A span of whole minutes as people say it: "45 min", "2 h 10 min", "3 d 4 h" (worded through the dictionary).
 * Negative spans are shown by their size; the caller says whether it is left or overdue.
 */
export function formatMinutes(t: TFunction, minutes: number): string {
  const total = Math.abs(Math.round(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return t('common.duration.daysHours', { days, hours });
  if (hours > 0) return t('common.duration.hoursMinutes', { hours, minutes: mins });
  return t('common.duration.minutes', { minutes: mins });
}

/** A span of seconds (p50/p90 times in state): under a minute in seconds, else as {@link formatMinutes}. */
export function formatSeconds(t: TFunction, seconds: number): string {
  if (Math.abs(seconds) < 60) return t('common.duration.seconds', { seconds: Math.round(Math.abs(seconds)) });
  return formatMinutes(t, seconds / 60);
}

/** From `now` until `iso`: whole minutes (rounded towards zero) and whether it is already past. */
export function timeUntil(iso: string, now: number): { minutes: number; past: boolean } {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return { minutes: 0, past: false };
  return { minutes: Math.trunc((at - now) / 60_000), past: at < now };
}
