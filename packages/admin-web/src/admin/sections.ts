import { hasPermission, type Permission } from '@oms/schema';
import type { StaffRole } from '@/gql/schema';

/**
 * The sections of the administration area (`/admin/...`), in the order of its tabs: each names the permission it
 * needs, as the server's matrix says (docs/roles.md), so a role sees exactly the sections whose queries it may run.
 * A new section is one row here and one route in `admin/index.tsx`.
 */
export const ADMIN_SECTIONS = [
  { path: 'staff', key: 'administration.nav.staff', permission: 'ADMINISTER' },
  { path: 'api-keys', key: 'administration.nav.apiKeys', permission: 'ADMINISTER' },
  { path: 'warehouses', key: 'administration.nav.warehouses', permission: 'ADMINISTER' },
  { path: 'payment-channels', key: 'administration.nav.paymentChannels', permission: 'ADMINISTER' },
  { path: 'audit', key: 'administration.nav.audit', permission: 'AUDIT_READ' },
] as const satisfies readonly { path: string; key: `administration.nav.${string}`; permission: Permission }[];

/** One section of the administration area. */
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** The permissions that open some section: the main navigation lists the area for any of them. */
export const ADMIN_AREA_PERMISSIONS: readonly Permission[] = [
  ...new Set(ADMIN_SECTIONS.map((s) => s.permission)),
];

/** The sections `role` may open, in tab order. */
export function adminSectionsFor(role: StaffRole | null | undefined): AdminSection[] {
  return role ? ADMIN_SECTIONS.filter((section) => hasPermission(role, section.permission)) : [];
}
