import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * A page's typed URL state (its `urls.ts`): read from the location's query string, changed by going to the URL of
 * the next state, so the back button and a pasted link show the same list.
 */
export function useUrlState<S>(
  parse: (search: string) => S,
  urlOf: (state: S) => string,
): readonly [state: S, go: (next: S) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const state = useMemo(() => parse(location.search), [parse, location.search]);
  return [state, (next: S) => void navigate(urlOf(next))];
}
