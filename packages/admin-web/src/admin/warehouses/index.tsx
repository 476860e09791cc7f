import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const AdminWarehousesPage = lazy(() =>
  import('./AdminWarehousesPage').then((m) => ({ default: m.AdminWarehousesPage })),
);

/** Warehouse administration (admins): create, edit, take offline, set stock. */
export const adminWarehouseRoutes: RouteObject[] = [
  { path: 'admin/warehouses', element: <AdminWarehousesPage /> },
];
