import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LateSubOrdersDocument } from '@/gql/graphql';
import { currentCursor } from '@/shared/cursors';
import { WarehouseFilter } from '@/shared/WarehouseFilter';
import { SubOrderTable, type Selection } from './SubOrderTable';

/** Sub-orders past their warehouse's SLA, latest first, narrowed to one warehouse or not (the view: its query). */
export function LateSubOrdersPanel({
  warehouse,
  onWarehouse,
  cursors,
  onCursors,
  selection,
}: {
  warehouse: string | undefined;
  onWarehouse: (code: string | undefined) => void;
  cursors: readonly string[];
  onCursors: (cursors: readonly string[]) => void;
  selection: Selection;
}) {
  const { t } = useTranslation();
  const { data, previousData, loading, error, refetch } = useQuery(LateSubOrdersDocument, {
    variables: { warehouseCode: warehouse ?? null, after: currentCursor({ cursors }) },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.lateSubOrders;
  const warehouses = data?.warehouses ?? previousData?.warehouses ?? [];
  return (
    <SubOrderTable
      title={t('warehouses.lists.late')}
      hint={t('warehouses.lists.lateHint')}
      testId="late-table"
      rowTestId="late-row"
      columns={['late', 'dispatchedAt']}
      subOrders={connection?.edges.map((e) => e.node)}
      cursors={cursors}
      onCursors={onCursors}
      pageInfo={connection?.pageInfo}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      selection={selection}
      emptyTitle={t('warehouses.lists.lateEmpty')}
      filters={
        <WarehouseFilter
          warehouses={warehouses}
          id="late-warehouse"
          label={t('warehouses.lists.warehouse')}
          value={warehouse}
          onChange={onWarehouse}
          showAny
          sx={{ minWidth: 200, mb: 1.5 }}
        />
      }
    />
  );
}
