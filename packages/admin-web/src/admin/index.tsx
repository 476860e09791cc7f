import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AdminLayout, AdminHome } from './AdminLayout';

const StaffPage = lazy(() => import('./staff/StaffPage').then((m) => ({ default: m.StaffPage })));
const ApiKeysPage = lazy(() => import('./api-keys/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const AdminWarehousesPage = lazy(() =>
  import('./warehouses/AdminWarehousesPage').then((m) => ({ default: m.AdminWarehousesPage })),
);
const PaymentChannelsPage = lazy(() =>
  import('./payment-channels/PaymentChannelsPage').then((m) => ({ default: m.PaymentChannelsPage })),
);
const AuditPage = lazy(() => import('./audit/AuditPage').then((m) => ({ default: m.AuditPage })));

/**
 * The administration area (docs/console.md "Administration"): one frame with a tab per section the role may open
 * (`sections.ts`); `/admin` itself goes to the first of them.
 */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    element: <AdminLayout />,
    children: [
      { index: true, element: <AdminHome /> },
      { path: 'staff', element: <StaffPage /> },
      { path: 'api-keys', element: <ApiKeysPage /> },
      { path: 'warehouses', element: <AdminWarehousesPage /> },
      { path: 'payment-channels', element: <PaymentChannelsPage /> },
      { path: 'audit', element: <AuditPage /> },
    ],
  },
];
