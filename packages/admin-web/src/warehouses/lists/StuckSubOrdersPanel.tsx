import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { StuckSubOrdersDocument } from '@/gql/graphql';
import type { SubOrderFilter } from '@/gql/schema';
import { currentCursor } from '@/shared/cursors';
import type { SubOrderColumn } from './SubOrderRow';
import { SubOrderTable, type Selection } from './SubOrderTable';

const KINDS = {
  outOfStock: {
    filter: { outOfStock: true },
    testId: 'out-of-stock-table',
    rowTestId: 'out-of-stock-row',
    columns: ['lines', 'createdAt'],
  },
  deadLetter: {
    filter: { dispatchState: 'DEAD_LETTER' },
    testId: 'dead-letter-table',
    rowTestId: 'dead-letter-row',
    columns: ['dispatch', 'lines', 'createdAt'],
  },
} as const satisfies Record<
  string,
  { filter: SubOrderFilter; testId: string; rowTestId: string; columns: readonly SubOrderColumn[] }
>;

/**
 * Sub-orders stuck on the way, newest first (the view: its query): out of stock (no active warehouse could supply
 * them) or dead-lettered (the warehouse never acknowledged the dispatch). Both wait for ops to re-route them.
 */
export function StuckSubOrdersPanel({
  kind,
  cursors,
  onCursors,
  selection,
}: {
  kind: keyof typeof KINDS;
  cursors: readonly string[];
  onCursors: (cursors: readonly string[]) => void;
  selection: Selection;
}) {
  const { t } = useTranslation();
  const config = KINDS[kind];
  const { data, loading, error, refetch } = useQuery(StuckSubOrdersDocument, {
    variables: { filter: config.filter, after: currentCursor({ cursors }) },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.subOrders;
  return (
    <SubOrderTable
      title={t(`warehouses.lists.${kind}`)}
      hint={t(`warehouses.lists.${kind}Hint`)}
      testId={config.testId}
      rowTestId={config.rowTestId}
      columns={config.columns}
      subOrders={connection?.edges.map((e) => e.node)}
      cursors={cursors}
      onCursors={onCursors}
      pageInfo={connection?.pageInfo}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      selection={selection}
      emptyTitle={t(`warehouses.lists.${kind}Empty`)}
    />
  );
}
