import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { OrderDetailPageDocument } from '@/gql/graphql';
import { hasErrorCode } from '@/shared/errors';
import { LIVE_QUERY, useRefetchWhenVisible } from '@/shared/live';
import { EmptyState, ErrorState } from '@/shared/States';
import { usePageTitle } from '@/shared/usePageTitle';
import { OrderActions } from './actions/OrderActions';
import { OrderAmounts } from './amounts/OrderAmounts';
import { OrderHeader } from './header/OrderHeader';
import { OrderDetailSkeleton } from './OrderDetailSkeleton';
import { OrderPayments } from './payments/OrderPayments';
import { OrderReceiver } from './receiver/OrderReceiver';
import { SubOrderCard } from './subOrders/SubOrderCard';
import { OrderTimeline } from './timeline/OrderTimeline';

/**
 * Everything about one order on one page (the view: it owns the one query; the components below own their
 * fragments). The number in the path may be a sub-order's: the server answers with its parent. It is live: it polls
 * while the tab is visible, so warehouse and carrier movement shows without a click.
 */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const highlighted = params.get('subOrder');
  usePageTitle(t('order.pageTitle', { number }));
  const { data, error, loading, refetch } = useQuery(OrderDetailPageDocument, {
    variables: { number },
    fetchPolicy: 'cache-and-network',
    ...LIVE_QUERY,
  });
  useRefetchWhenVisible(refetch);

  const back = (
    <Button component={RouterLink} to="/" variant="outlined">
      {t('common.backToSearch')}
    </Button>
  );

  if (!data) {
    if (!error || loading) return <OrderDetailSkeleton />;
    if (hasErrorCode(error, 'INVALID_ORDER_NUMBER')) {
      return (
        <Box>
          <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
            <span data-testid="order-message">{t('errors.invalidOrderNumber')}</span>
          </Alert>
          {back}
        </Box>
      );
    }
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }

  const { order } = data;
  if (!order) {
    return (
      <EmptyState
        data-testid="order-message"
        title={t('order.notFound', { number })}
        hint={t('order.notFoundHint')}
        action={back}
      />
    );
  }

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      <OrderHeader order={order} actions={<OrderActions order={order} />} />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
          gap: 2,
          alignItems: 'start',
        }}
      >
        <Box sx={{ display: 'grid', gap: 2 }}>
          <Box component="section" aria-labelledby="sub-orders-title" sx={{ display: 'grid', gap: 2 }}>
            <Typography id="sub-orders-title" component="h2" variant="h6">
              {t('order.subOrders.title', { count: order.subOrders.length })}
            </Typography>
            {order.subOrders.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {t('order.subOrders.none')}
              </Typography>
            ) : null}
            {order.subOrders.map((sub) => (
              <SubOrderCard
                key={sub.id}
                subOrder={sub}
                orderNumber={order.number}
                highlighted={sub.number === highlighted}
              />
            ))}
          </Box>
          <OrderAmounts order={order} />
          <OrderPayments order={order} />
        </Box>
        <Box sx={{ display: 'grid', gap: 2 }}>
          <OrderReceiver order={order} />
          <OrderTimeline order={order} />
        </Box>
      </Box>
    </Box>
  );
}

/**
 * Asks for an order page's data before the page renders (orders/index.tsx, when the console starts on the page), so
 * it renders from the cache once its code and the session check are done; its own `cache-and-network` query then
 * joins or refreshes it. Errors are the page's to show: it asks again itself.
 */
export function prefetchOrderDetail(client: ApolloClient, number: string): void {
  client
    .query({ query: OrderDetailPageDocument, variables: { number }, fetchPolicy: 'network-only' })
    .catch(() => undefined);
}
