/** A mainland mobile number: 11 digits starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * The 11-digit form of a mainland mobile number as people type it (spaces, dashes, a +86 or 0086 prefix),
 * or null when it is not one.
 */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s\-()]/g, '').replace(/^(\+86|0086)/, '');
  return MOBILE.test(digits) ? digits : null;
}

/** True when `input` is exactly an 11-digit mainland mobile number (no formatting allowed). */
export function isMobilePhone(input: string): boolean {
  return MOBILE.test(input);
}
