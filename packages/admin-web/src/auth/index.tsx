import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { PageSkeleton } from '@/app/PageSkeleton';

const LoginPage = lazy(() => import('./LoginPage').then((m) => ({ default: m.LoginPage })));

/** The auth area: the login page, outside the signed-in frame. */
export const authRoutes: RouteObject[] = [
  {
    path: 'login',
    element: (
      <Suspense fallback={<PageSkeleton />}>
        <LoginPage />
      </Suspense>
    ),
  },
];
