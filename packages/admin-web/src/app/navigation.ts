import { useQuery } from '@apollo/client/react';
import { hasPermission, type Permission } from '@oms/schema';
import { ADMIN_AREA_PERMISSIONS } from '@/admin/sections';
import { AppShellDocument } from '@/gql/graphql';
import type { StaffRole } from '@/gql/schema';

/**
 * What the interface offers each role, in ONE place. The server enforces every permission on every query and
 * mutation; the console only shapes itself so that people are not offered what the server would refuse. Both read
 * the same permission matrix (docs/roles.md), `PERMISSION_MATRIX` in `@oms/schema`, so they cannot drift apart:
 *
 * - navigation items: each names the permission it needs to be listed;
 * - abilities: the role-shaped switches pages use (e.g. the queue's bulk buttons, the rules' switches).
 *
 * Actions on one order are not here: they come from the server's `allowedActions` alone.
 */
export const NAV_ITEMS = [
  { to: '/', key: 'app.nav.search', end: true, permission: 'ORDER_READ' },
  { to: '/orders', key: 'app.nav.orders', end: false, permission: 'ORDER_READ' },
  { to: '/interceptions', key: 'app.nav.interceptions', end: false, permission: 'INTERCEPTION_QUEUE_READ' },
  { to: '/warehouses', key: 'app.nav.warehouses', end: false, permission: 'WAREHOUSE_FIGURES_READ' },
  { to: '/refunds', key: 'app.nav.refunds', end: false, permission: 'DELIVERY_RETRY' },
  // The administration area (admin/sections.ts): listed for whoever may open one of its sections.
  { to: '/admin', key: 'app.nav.admin', end: false, permission: ADMIN_AREA_PERMISSIONS },
] as const satisfies readonly {
  to: string;
  key: `app.nav.${string}`;
  end: boolean;
  /** the permission the item needs, or several of which any one will do */
  permission: Permission | readonly Permission[];
}[];

/** One navigation item. */
export type NavItem = (typeof NAV_ITEMS)[number];

/** The navigation items `role` sees. */
export function navItemsFor(role: StaffRole): NavItem[] {
  return NAV_ITEMS.filter((item) =>
    typeof item.permission === 'string'
      ? hasPermission(role, item.permission)
      : item.permission.some((permission) => hasPermission(role, permission)),
  );
}

/** The role-shaped parts of the pages. */
export interface Abilities {
  /** see the interception queue and the rules (ops: read only) */
  readonly readInterceptionQueue: boolean;
  /** release or cancel held orders, one or in bulk */
  readonly decideInterceptions: boolean;
  /** switch rules, edit thresholds, keep the blacklist */
  readonly editRiskRules: boolean;
  /** see warehouse load, late and stuck sub-orders, timings */
  readonly readWarehouseFigures: boolean;
  /** re-route sub-orders to another warehouse, one or in bulk */
  readonly reassignWarehouses: boolean;
  /** see the failed refunds and send them again, one or in bulk */
  readonly handleFailedRefunds: boolean;
  /** the administration pages: warehouses, stock, payment channels */
  readonly administer: boolean;
}

const NONE: Abilities = {
  readInterceptionQueue: false,
  decideInterceptions: false,
  editRiskRules: false,
  readWarehouseFigures: false,
  reassignWarehouses: false,
  handleFailedRefunds: false,
  administer: false,
};

/** The abilities of `role` (nothing for nobody). */
export function abilitiesOf(role: StaffRole | null | undefined): Abilities {
  if (!role) return NONE;
  return {
    readInterceptionQueue: hasPermission(role, 'INTERCEPTION_QUEUE_READ'),
    decideInterceptions: hasPermission(role, 'INTERCEPTION_DECIDE'),
    editRiskRules: hasPermission(role, 'RISK_RULES_EDIT'),
    readWarehouseFigures: hasPermission(role, 'WAREHOUSE_FIGURES_READ'),
    reassignWarehouses: hasPermission(role, 'WAREHOUSE_REASSIGN'),
    handleFailedRefunds: hasPermission(role, 'DELIVERY_RETRY'),
    administer: hasPermission(role, 'ADMINISTER'),
  };
}

/**
 * The signed-in person's abilities, from `me.role` (the app shell's query, already in the cache inside the shell).
 * `ready` is false until the role is known.
 */
export function useAbilities(): Abilities & { readonly ready: boolean } {
  const { data } = useQuery(AppShellDocument);
  return { ...abilitiesOf(data?.me?.role), ready: data !== undefined };
}
