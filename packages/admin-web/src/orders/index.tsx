import type { ApolloClient } from '@apollo/client';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const OrderListPage = lazy(() => import('./list/OrderListPage').then((m) => ({ default: m.OrderListPage })));
const loadOrderDetail = () => import('./detail/OrderDetailPage');
const OrderDetailPage = lazy(() => loadOrderDetail().then((m) => ({ default: m.OrderDetailPage })));

/** The orders area: the list and one order's page (its number may be a sub-order's). */
export const orderRoutes: RouteObject[] = [
  { path: 'orders', element: <OrderListPage /> },
  { path: 'orders/:number', element: <OrderDetailPage /> },
];

/**
 * When the console starts on an order's page (an agent following a link), its code and its data are requested at
 * once, beside the session check, instead of one after the other once the app shell has rendered (docs/performance.md
 * P8). `import()` caches the module, so the lazy route reuses it.
 */
export function prefetchOrderPage(client: ApolloClient, pathname: string): void {
  const match = /^\/orders\/([^/]+)\/?$/.exec(pathname);
  if (!match) return;
  void loadOrderDetail().then((m) => m.prefetchOrderDetail(client, decodeURIComponent(match[1]!)));
}
