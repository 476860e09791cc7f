import { describe, expect, it } from 'vitest';
import { PERMISSION_MATRIX, PERMISSIONS, STAFF_ROLES, hasPermission, permissionsOf } from './roles.js';

// docs/roles.md, transcribed row by row: a change to the matrix must change this table too.
const EXPECTED: Record<string, [agent: boolean, ops: boolean, manager: boolean, admin: boolean]> = {
  ORDER_READ: [true, true, true, true],
  PERSONAL_DATA_REVEAL: [true, true, true, true],
  ORDER_INTERCEPT: [true, true, true, true],
  ORDER_CANCEL: [true, true, true, true],
  ORDER_NOTE: [true, true, true, true],
  WAREHOUSE_REASSIGN: [false, true, true, true],
  WAREHOUSE_FIGURES_READ: [false, true, true, true],
  INTERCEPTION_QUEUE_READ: [false, true, true, true],
  INTERCEPTION_DECIDE: [false, false, true, true],
  RISK_RULES_EDIT: [false, false, true, true],
  ADMINISTER: [false, false, false, true],
  AUDIT_READ: [false, false, true, true],
  DELIVERY_RETRY: [false, true, true, true],
  REFUND_SETTLE_OFFLINE: [false, false, true, true],
};

describe('permission matrix', () => {
  it.each(PERMISSIONS.map((p) => [p]))('%s is granted exactly as docs/roles.md says', (permission) => {
    const expected = EXPECTED[permission];
    expect(expected, `roles.spec has no row for ${permission}`).toBeDefined();
    expect(STAFF_ROLES.map((role) => hasPermission(role, permission))).toEqual(expected);
  });

  it('has no row that docs/roles.md lacks', () => {
    expect(Object.keys(PERMISSION_MATRIX).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('grants more to each higher role (a manager can do all an agent can)', () => {
    for (let i = 1; i < STAFF_ROLES.length; i++) {
      const lower = permissionsOf(STAFF_ROLES[i - 1]!);
      const higher = permissionsOf(STAFF_ROLES[i]!);
      expect(higher).toEqual(expect.arrayContaining(lower));
      expect(higher.length).toBeGreaterThan(lower.length);
    }
  });
});
