import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const InterceptionsPage = lazy(() =>
  import('./InterceptionsPage').then((m) => ({ default: m.InterceptionsPage })),
);

/** The interceptions area: the managers' queue, with the rules and the blacklist. */
export const interceptionRoutes: RouteObject[] = [{ path: 'interceptions', element: <InterceptionsPage /> }];
