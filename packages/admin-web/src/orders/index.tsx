import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const OrderListPage = lazy(() => import('./list/OrderListPage').then((m) => ({ default: m.OrderListPage })));
const OrderDetailPage = lazy(() =>
  import('./detail/OrderDetailPage').then((m) => ({ default: m.OrderDetailPage })),
);

/** The orders area: the list and one order's page (its number may be a sub-order's). */
export const orderRoutes: RouteObject[] = [
  { path: 'orders', element: <OrderListPage /> },
  { path: 'orders/:number', element: <OrderDetailPage /> },
];
