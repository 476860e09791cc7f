import KeyboardIcon from '@mui/icons-material/Keyboard';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { SearchPageDocument } from '@/gql/graphql';
import { orderUrl } from '@/orders/urls';
import { ErrorState } from '@/shared/States';
import { usePageTitle } from '@/shared/usePageTitle';
import { SearchResultRow } from './SearchResultRow';
import { requestSearchFocus } from './shortcut';

/**
 * The home of an agent. The search box is in the app bar; this page shows what `?q=` matched: one order opens
 * at once, several make a short list, a mistyped order number says so, nothing says what to check.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  usePageTitle(query || t('search.title'));
  const { data, error, loading, refetch } = useQuery(SearchPageDocument, {
    variables: { query },
    skip: !query,
    fetchPolicy: 'network-only',
  });
  useEffect(() => {
    // The home of an agent: ready to type into.
    if (!query) requestSearchFocus();
  }, [query]);

  if (!query) {
    return (
      <Box sx={{ maxWidth: 720 }}>
        <Typography component="h1" variant="h5" sx={{ mb: 2 }}>
          {t('search.title')}
        </Typography>
        <Typography sx={{ mb: 1 }}>{t('search.intro')}</Typography>
        <Typography color="text.secondary" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <KeyboardIcon aria-hidden fontSize="small" />
          {t('search.shortcutHint')}
        </Typography>
      </Box>
    );
  }

  const heading = (
    <Typography component="h1" variant="h5" sx={{ mb: 2 }}>
      {t('search.title')}
    </Typography>
  );

  if (loading || (!data && !error)) {
    return (
      <Box role="status">
        {heading}
        <Typography sx={{ mb: 1 }}>{t('search.searching', { query })}</Typography>
        <LinearProgress aria-label={t('search.searching', { query })} />
      </Box>
    );
  }
  if (error || !data) {
    return (
      <Box>
        {heading}
        <ErrorState error={error} onRetry={() => void refetch()} />
      </Box>
    );
  }

  const { orders, invalidOrderNumber, kind } = data.search;
  const only = orders.length === 1 ? orders[0] : undefined;
  if (only) {
    return <Navigate to={orderUrl(only.number, kind === 'SUB_ORDER_NUMBER' ? query : undefined)} replace />;
  }
  if (orders.length === 0) {
    return (
      <Box>
        {heading}
        {invalidOrderNumber ? (
          <Alert severity="warning" role="alert">
            <span data-testid="search-message">{t('errors.invalidOrderNumber')}</span>
          </Alert>
        ) : (
          <Alert severity="info" role="status">
            <Typography data-testid="search-message">{t('search.notFound', { query })}</Typography>
            <Typography variant="body2">{t('search.notFoundHint')}</Typography>
          </Alert>
        )}
      </Box>
    );
  }
  return (
    <Box>
      {heading}
      <Paper variant="outlined">
        <Typography component="h2" variant="subtitle1" sx={{ px: 2, pt: 2 }} id="search-results-title">
          {t('search.results', { query, count: orders.length })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
          {t(`search.kind.${kind}`)}
        </Typography>
        <List aria-labelledby="search-results-title" data-testid="search-results">
          {orders.map((order) => (
            <SearchResultRow key={order.id} order={order} />
          ))}
        </List>
      </Paper>
    </Box>
  );
}
