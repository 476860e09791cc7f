import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { ThemeProvider } from '@mui/material/styles';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { createApolloClient } from '@/app/apollo';
import { createI18n, type Language } from '@/app/i18n';
import { theme } from '@/app/theme';

/** Shows where the router went, for tests that expect a navigation. */
function Elsewhere() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

export interface RenderOptions {
  /** The route pattern the element is mounted at, e.g. `/orders/:number`. */
  readonly path: string;
  /** The URL the test starts at. */
  readonly url: string;
  readonly mocks?: ReadonlyArray<MockLink.MockedResponse>;
  readonly language?: Language;
  readonly onUnauthenticated?: () => void;
}

/**
 * Renders one page with the console's real providers (the same Apollo Client factory, data masking on, with a
 * MockLink instead of HTTP), in a memory router; other paths render their location.
 */
export function renderPage(element: ReactNode, options: RenderOptions): RenderResult {
  const client = createApolloClient({
    link: new MockLink(options.mocks ?? []),
    onUnauthenticated: options.onUnauthenticated ?? (() => undefined),
  });
  const router = createMemoryRouter(
    [
      { path: options.path, element },
      { path: '*', element: <Elsewhere /> },
    ],
    { initialEntries: [options.url] },
  );
  return render(
    <I18nextProvider i18n={createI18n(options.language ?? 'zh-CN')}>
      <ApolloProvider client={client}>
        <ThemeProvider theme={theme}>
          <RouterProvider router={router} />
        </ThemeProvider>
      </ApolloProvider>
    </I18nextProvider>,
  );
}
