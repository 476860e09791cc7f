import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const PaymentChannelsPage = lazy(() =>
  import('./PaymentChannelsPage').then((m) => ({ default: m.PaymentChannelsPage })),
);

/** Payment channel administration (admins): where each method's refunds go, and their signing secrets. */
export const paymentChannelRoutes: RouteObject[] = [
  { path: 'admin/payment-channels', element: <PaymentChannelsPage /> },
];
