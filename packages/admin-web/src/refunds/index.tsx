import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const RefundsPage = lazy(() => import('./RefundsPage').then((m) => ({ default: m.RefundsPage })));

/** The refunds area: failed refunds, sent again one by one or in bulk, or settled offline. */
export const refundRoutes: RouteObject[] = [{ path: 'refunds', element: <RefundsPage /> }];
