/** Staff roles, least to most powerful (docs/roles.md). */
export const STAFF_ROLES = ['AGENT', 'OPS', 'MANAGER', 'ADMIN'] as const;
/** A staff member's role. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a staff member may do; each maps to one row of the matrix in docs/roles.md. */
export const PERMISSIONS = [
  'ORDER_READ',
  'PERSONAL_DATA_REVEAL',
  'ORDER_INTERCEPT',
  'ORDER_CANCEL',
  'ORDER_NOTE',
  'WAREHOUSE_REASSIGN',
  'WAREHOUSE_FIGURES_READ',
  'INTERCEPTION_QUEUE_READ',
  'INTERCEPTION_DECIDE',
  'RISK_RULES_EDIT',
  'ADMINISTER',
  'AUDIT_READ',
  'DELIVERY_RETRY',
  'REFUND_SETTLE_OFFLINE',
] as const;
/** One permission of the matrix. */
export type Permission = (typeof PERMISSIONS)[number];

/** The row of docs/roles.md that each permission stands for, for docs and review. */
export const PERMISSION_DESCRIPTIONS: Readonly<Record<Permission, string>> = {
  ORDER_READ: 'look up orders, sub-orders, tracking; see timelines (personal data masked)',
  PERSONAL_DATA_REVEAL: "reveal one order's personal data in full (audited, reason required)",
  ORDER_INTERCEPT: 'intercept an order (MANUAL rule)',
  ORDER_CANCEL: "cancel an order on the customer's behalf",
  ORDER_NOTE: 'add a note to an order',
  WAREHOUSE_REASSIGN: "reassign a sub-order's warehouse, one or in bulk",
  WAREHOUSE_FIGURES_READ: 'see SLA / late sub-orders, warehouse figures',
  INTERCEPTION_QUEUE_READ: 'see the interception queue',
  INTERCEPTION_DECIDE: 'release or cancel held orders (one or bulk)',
  RISK_RULES_EDIT: 'edit interception rules and thresholds, blacklist',
  ADMINISTER:
    'manage staff accounts, API keys, warehouses (incl. taking one offline), stock, payment channels',
  AUDIT_READ: 'read the audit log',
  DELIVERY_RETRY: 'see failed refunds; send one again; re-drive a dead-lettered dispatch',
  REFUND_SETTLE_OFFLINE: 'settle a refund offline (bank transfer reference)',
};

const EVERY_ROLE = STAFF_ROLES;
const OPS_AND_UP = ['OPS', 'MANAGER', 'ADMIN'] as const;
const MANAGER_AND_UP = ['MANAGER', 'ADMIN'] as const;

/** The permission matrix of docs/roles.md, as data: which roles hold each permission. */
export const PERMISSION_MATRIX: Readonly<Record<Permission, readonly StaffRole[]>> = {
  ORDER_READ: EVERY_ROLE,
  PERSONAL_DATA_REVEAL: EVERY_ROLE,
  ORDER_INTERCEPT: EVERY_ROLE,
  ORDER_CANCEL: EVERY_ROLE,
  ORDER_NOTE: EVERY_ROLE,
  WAREHOUSE_REASSIGN: OPS_AND_UP,
  WAREHOUSE_FIGURES_READ: OPS_AND_UP,
  INTERCEPTION_QUEUE_READ: OPS_AND_UP,
  INTERCEPTION_DECIDE: MANAGER_AND_UP,
  RISK_RULES_EDIT: MANAGER_AND_UP,
  ADMINISTER: ['ADMIN'],
  AUDIT_READ: MANAGER_AND_UP,
  DELIVERY_RETRY: OPS_AND_UP,
  REFUND_SETTLE_OFFLINE: MANAGER_AND_UP,
};

/** True when `role` holds `permission` in the matrix. */
export function hasPermission(role: StaffRole, permission: Permission): boolean {
  return PERMISSION_MATRIX[permission].includes(role);
}

/** Every permission `role` holds, in matrix order. */
export function permissionsOf(role: StaffRole): Permission[] {
  return PERMISSIONS.filter((permission) => hasPermission(role, permission));
}

/** True when `value` names a staff role. */
export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Integration API key scopes (docs/api.md); a key sees nothing beyond its scopes. */
export const API_KEY_SCOPES = ['orders:create', 'payments:record', 'aftersales:create'] as const;
/** One scope of an integration API key. */
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** True when `value` names an integration scope. */
export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return typeof value === 'string' && (API_KEY_SCOPES as readonly string[]).includes(value);
}
