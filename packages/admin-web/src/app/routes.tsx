import type { RouteObject } from 'react-router';
import { adminRoutes } from '@/admin';
import { authRoutes } from '@/auth';
import { interceptionRoutes } from '@/interceptions';
import { orderRoutes } from '@/orders';
import { refundRoutes } from '@/refunds';
import { searchRoutes } from '@/search';
import { warehouseRoutes } from '@/warehouses';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';

/** The one routes table: each area registers its routes; the signed-in ones live inside the app shell. */
export const routes: RouteObject[] = [
  ...authRoutes,
  {
    path: '/',
    element: <AppShell />,
    children: [
      ...searchRoutes,
      ...orderRoutes,
      ...interceptionRoutes,
      ...warehouseRoutes,
      ...refundRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
