import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { OrderListPageDocument } from '@/gql/graphql';
import { ColumnHeads } from '@/shared/ColumnHeads';
import { CursorPager } from '@/shared/CursorPager';
import { hasFilter } from '@/shared/FilterFields';
import { ListTableBody } from '@/shared/ListTableBody';
import { LIVE_QUERY, useRefetchWhenVisible } from '@/shared/live';
import { EmptyState, ErrorState } from '@/shared/States';
import { usePageTitle } from '@/shared/usePageTitle';
import { useUrlState } from '@/shared/useUrlState';
import { currentCursor, orderListFilter, orderListUrl, parseOrderListSearch } from '../urls';
import { OrderFilters } from './OrderFilters';
import { OrderRow } from './OrderRow';

const COLUMNS = [
  'number',
  'status',
  'fulfilment',
  'source',
  'type',
  'receiver',
  'payable',
  'createdAt',
] as const;

const SKELETON_ROWS = 8;

/** The order list: filters and cursor paging, all in the URL; 50 orders a page, newest first; live (polls). */
export function OrderListPage() {
  const { t } = useTranslation();
  const [state, go] = useUrlState(parseOrderListSearch, orderListUrl);
  usePageTitle(t('orders.title'));

  const { data, previousData, loading, error, refetch } = useQuery(OrderListPageDocument, {
    variables: { filter: orderListFilter(state), after: currentCursor(state) },
    fetchPolicy: 'cache-and-network',
    ...LIVE_QUERY,
  });
  useRefetchWhenVisible(refetch);
  const warehouses = data?.warehouses ?? previousData?.warehouses ?? [];
  const connection = data?.orders;

  return (
    <Box>
      <Typography component="h1" variant="h5" sx={{ mb: 2 }}>
        {t('orders.title')}
      </Typography>
      <OrderFilters state={state} warehouses={warehouses} onChange={go} />
      {error && connection ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      <TableContainer component={Paper} variant="outlined">
        <Table
          size="small"
          aria-label={t('orders.tableLabel')}
          aria-busy={loading}
          data-testid="orders-table"
        >
          <TableHead>
            <TableRow>
              <ColumnHeads
                columns={COLUMNS}
                heading={(column) => t(`orders.column.${column}`)}
                numeric={['payable']}
              />
            </TableRow>
          </TableHead>
          <ListTableBody
            rows={connection?.edges.map((edge) => (
              <OrderRow key={edge.node.id} order={edge.node} />
            ))}
            loading={loading}
            columns={COLUMNS.length}
            skeletonRows={SKELETON_ROWS}
            error={error}
            onRetry={() => void refetch()}
            empty={
              <EmptyState
                title={t('orders.empty')}
                hint={t('orders.emptyHint')}
                action={
                  hasFilter(state) ? (
                    <Button onClick={() => go({ cursors: [] })}>{t('orders.filters.clear')}</Button>
                  ) : undefined
                }
              />
            }
          />
        </Table>
      </TableContainer>
      <CursorPager
        state={state}
        pageInfo={connection?.pageInfo}
        onPage={go}
        label={t('orders.pagination')}
        nextTestId="orders-next"
      />
    </Box>
  );
}
