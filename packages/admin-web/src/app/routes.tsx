import type { RouteObject } from 'react-router';
import { paymentChannelRoutes } from '@/admin/payment-channels';
import { adminWarehouseRoutes } from '@/admin/warehouses';
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
      ...adminWarehouseRoutes,
      ...paymentChannelRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
