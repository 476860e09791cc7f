import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const WarehousesPage = lazy(() => import('./WarehousesPage').then((m) => ({ default: m.WarehousesPage })));

/** The warehouses area: load, late and stuck sub-orders, re-routing, time in state. */
export const warehouseRoutes: RouteObject[] = [{ path: 'warehouses', element: <WarehousesPage /> }];
