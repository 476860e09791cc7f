import { badInput } from '../../errors/domain-error.js';

/** The longest reason an administrative change takes (as holds and cancels). */
const MAX_REASON = 500;

/** A required reason, trimmed; BAD_USER_INPUT naming `reason` when blank or too long. */
export function checkedReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw badInput('reason', 'say why');
  if (trimmed.length > MAX_REASON) throw badInput('reason', `at most ${MAX_REASON} characters`);
  return trimmed;
}

/** An optional reason: null when left out or blank, else checked like a required one. */
export function optionalReason(reason: string | null | undefined): string | null {
  return reason == null || reason.trim() === '' ? null : checkedReason(reason);
}

/** A bigint row id given by a client, or BAD_USER_INPUT naming `field`. */
export function checkedRowId(field: string, id: string): string {
  if (!/^\d{1,18}$/.test(id)) throw badInput(field, 'is not an id this API gave out');
  return id;
}
