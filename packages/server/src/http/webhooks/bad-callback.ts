/** A malformed callback body: answered 400 naming what is wrong, and nothing changes. */
export class BadCallbackError extends Error {}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How far from now a warehouse callback's `occurredAt` may be (docs/api.md "Operations"): a replay older than the
 * inbox remembers event ids, or a clock far ahead, is refused rather than applied.
 */
export const CALLBACK_WINDOW = { pastMs: 7 * DAY_MS, futureMs: 5 * 60 * 1000 } as const;

/**
 * The callback's `occurredAt` as a time, or BadCallbackError: not an ISO-8601 time, or (given a `window`) outside it.
 */
export function callbackTime(
  value: string,
  window?: { readonly pastMs: number; readonly futureMs: number },
  now = Date.now(),
): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new BadCallbackError('occurredAt: an ISO-8601 time is required');
  if (window && at.getTime() < now - window.pastMs)
    throw new BadCallbackError(`occurredAt: more than ${window.pastMs / DAY_MS} days ago`);
  if (window && at.getTime() > now + window.futureMs)
    throw new BadCallbackError(
      `occurredAt: more than ${window.futureMs / 60_000} minutes ahead of this server`,
    );
  return at;
}
