/**
 * What an audit row records (docs/roles.md "Audit"): one value per kind of staff change or reveal. The server's one
 * writer of audit rows takes only these, the API exposes them as the enum `AuditAction`, and the console words each
 * (a test fails on one without wording), so a new kind of row cannot reach the audit viewer as a raw code.
 */
export const AUDIT_ACTIONS = [
  // orders
  'CANCEL_ORDER',
  'INTERCEPT_ORDER',
  'INTERCEPTION_RELEASE',
  'INTERCEPTION_CANCEL_ORDER',
  'REASSIGN_WAREHOUSE',
  'REDRIVE_DISPATCH',
  'ADD_ORDER_NOTE',
  'REVEAL_PERSONAL_DATA',
  'SEARCH_BY_PHONE',
  // refunds
  'RETRY_REFUND',
  'SETTLE_REFUND_OFFLINE',
  // screening
  'UPDATE_RISK_RULE',
  'ADD_BLACKLIST_ENTRY',
  'REMOVE_BLACKLIST_ENTRY',
  // administration
  'SET_STOCK',
  'UPSERT_WAREHOUSE',
  'UPSERT_PAYMENT_CHANNEL',
  'CREATE_STAFF',
  'SET_STAFF_ROLE',
  'DISABLE_STAFF',
  'ENABLE_STAFF',
  'RESET_STAFF_PASSWORD',
  'CREATE_API_KEY',
  'REVOKE_API_KEY',
] as const;
/** One kind of audit row. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** True when `value` names a kind of audit row. */
export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value);
}
