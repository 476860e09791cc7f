import type { EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../auth/principal.js';
import { domainError } from '../../errors/domain-error.js';

/** A per-staff allowance of one audited action: at most `limit` in the window, counted from the audit log. */
export interface Allowance {
  /** The audit action that counts (each use writes one row of it). */
  readonly action: string;
  /** Since the start of today in Asia/Shanghai, or the last 60 minutes. */
  readonly window: 'SHANGHAI_DAY' | 'HOUR';
  readonly limit: number;
  /** What the refusal (RATE_LIMITED) says. */
  readonly refusal: string;
}

const SINCE = {
  SHANGHAI_DAY: "date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'",
  HOUR: "now() - interval '1 hour'",
} as const;

/**
 * Checks one use against the staff member's allowance, in the caller's transaction, before the caller writes the audit
 * row that counts it. One staff member's uses are serialised (an advisory lock held to the end of the transaction), so
 * uses sent at once — aliases in one request, parallel requests — cannot all slip under the limit.
 */
export async function spendAllowance(
  manager: EntityManager,
  staff: StaffPrincipal,
  allowance: Allowance,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${allowance.action}:${staff.id}`]);
  const [{ used }] = (await manager.query(
    `SELECT count(*)::int AS used FROM audit_log WHERE staff_id = $1 AND action = $2 AND at >= ${SINCE[allowance.window]}`,
    [staff.id, allowance.action],
  )) as [{ used: number }];
  if (used >= allowance.limit) throw domainError('RATE_LIMITED', allowance.refusal);
}
