import { ApolloProvider } from '@apollo/client/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { loginUrl } from '@/auth/urls';
import { prefetchOrderPage } from '@/orders';
import { createApolloClient } from './apollo';
import { createI18n } from './i18n';
import { routes } from './routes';
import { theme } from './theme';

/** Builds the console once: router, Apollo Client (sending people to log in when the session is gone), i18n. */
function createConsole() {
  const router = createBrowserRouter(routes);
  const client = createApolloClient({
    onUnauthenticated: () => {
      const { pathname, search } = router.state.location;
      if (pathname !== '/login') void router.navigate(loginUrl(pathname + search), { replace: true });
    },
  });
  prefetchOrderPage(client, window.location.pathname);
  return { router, client, i18n: createI18n() };
}

/** The whole console. */
export function App() {
  const [{ router, client, i18n }] = useState(createConsole);
  useEffect(() => {
    document.documentElement.lang = i18n.resolvedLanguage ?? 'zh-CN';
  }, [i18n]);
  return (
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <ThemeProvider theme={theme}>
          <CssBaseline />
          <RouterProvider router={router} />
        </ThemeProvider>
      </ApolloProvider>
    </I18nextProvider>
  );
}
