import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const SearchPage = lazy(() => import('./SearchPage').then((m) => ({ default: m.SearchPage })));

/** The search area: the home page of an agent. */
export const searchRoutes: RouteObject[] = [{ index: true, element: <SearchPage /> }];
