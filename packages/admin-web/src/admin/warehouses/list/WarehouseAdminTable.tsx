import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import {
  WarehouseAdminTable_WarehousesFragmentDoc,
  type WarehouseAdminTable_WarehousesFragment,
} from '@/gql/graphql';
import { ColumnHeads } from '@/shared/ColumnHeads';
import { enumLabel } from '@/shared/enumLabel';
import { ListTableBody } from '@/shared/ListTableBody';
import { EmptyState } from '@/shared/States';
import { useFragmentList } from '@/shared/useFragmentData';

/** The columns of the warehouse administration list, in order. */
export const WAREHOUSE_COLUMNS = [
  'warehouse',
  'status',
  'region',
  'place',
  'capabilities',
  'sla',
  'cutoff',
  'endpoint',
  'open',
  'actions',
] as const;

/** What a row lets an admin open about its warehouse. */
export type WarehouseAction = 'edit' | 'stock' | 'active';

/**
 * Every warehouse with what an admin sets on it: active or offline, region and place, capabilities, SLA, cut-off,
 * endpoint (and whether it has a secret), how many sub-orders it still has open, and the row's actions.
 */
export function WarehouseAdminTable({
  warehouses,
  openSubOrders,
  loading,
  error,
  onRetry,
  onAction,
}: {
  /** undefined until the list has arrived */
  warehouses: readonly FragmentType<WarehouseAdminTable_WarehousesFragment>[] | undefined;
  openSubOrders: ReadonlyMap<string, number> | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onAction: (action: WarehouseAction, warehouse: WarehouseAdminTable_WarehousesFragment) => void;
}) {
  const { t } = useTranslation();
  const listed = useFragmentList(WarehouseAdminTable_WarehousesFragmentDoc, warehouses ?? []);
  const rows = warehouses && listed ? listed : undefined;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table
        size="small"
        aria-label={t('adminWarehouses.tableLabel')}
        aria-busy={loading}
        data-testid="admin-warehouses-table"
      >
        <TableHead>
          <TableRow>
            <ColumnHeads
              columns={WAREHOUSE_COLUMNS}
              heading={(column) => t(`adminWarehouses.column.${column}`)}
              numeric={['sla', 'open']}
            />
          </TableRow>
        </TableHead>
        <ListTableBody
          rows={rows?.map((warehouse) => (
            <TableRow key={warehouse.id} hover data-testid="admin-warehouse-row" data-code={warehouse.code}>
              <TableCell>
                <Typography variant="body2">{warehouse.name}</Typography>
                <Typography variant="caption" color="text.secondary" sx={{ fontFamily: MONO }}>
                  {warehouse.code}
                </Typography>
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={warehouse.active ? 'success' : 'default'}
                  variant={warehouse.active ? 'filled' : 'outlined'}
                  label={warehouse.active ? t('adminWarehouses.active') : t('adminWarehouses.offline')}
                  data-testid="admin-warehouse-status"
                />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{enumLabel(t, 'region', warehouse.region)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {warehouse.province === warehouse.city
                  ? warehouse.city
                  : `${warehouse.province} ${warehouse.city}`}
              </TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                  {warehouse.capabilities.length === 0
                    ? t('common.none')
                    : warehouse.capabilities.map((c) => (
                        <Chip
                          key={c}
                          size="small"
                          variant="outlined"
                          label={enumLabel(t, 'lineAttribute', c)}
                        />
                      ))}
                </Box>
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }} data-testid="admin-warehouse-sla">
                {t('adminWarehouses.minutes', { n: warehouse.slaAcceptMinutes })}
              </TableCell>
              <TableCell sx={{ fontFamily: MONO }} data-testid="admin-warehouse-cutoff">
                {warehouse.cutoffLocalTime}
              </TableCell>
              <TableCell sx={{ maxWidth: 240 }}>
                <Typography
                  variant="body2"
                  sx={{ fontFamily: MONO, wordBreak: 'break-all' }}
                  color={warehouse.endpointUrl ? 'text.primary' : 'text.secondary'}
                  data-testid="admin-warehouse-endpoint"
                >
                  {warehouse.endpointUrl ?? t('adminWarehouses.noEndpoint')}
                </Typography>
                <Typography variant="caption" color={warehouse.hasSecret ? 'text.secondary' : 'error'}>
                  {warehouse.hasSecret ? t('adminWarehouses.secretSet') : t('adminWarehouses.secretMissing')}
                </Typography>
              </TableCell>
              <TableCell align="right" data-testid="admin-warehouse-open">
                {openSubOrders
                  ? t('adminWarehouses.openCount', { n: openSubOrders.get(warehouse.code) ?? 0 })
                  : '…'}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Button
                  size="small"
                  onClick={() => onAction('edit', warehouse)}
                  aria-label={t('adminWarehouses.editLabel', { name: warehouse.name })}
                  data-testid="admin-warehouse-edit"
                >
                  {t('adminWarehouses.edit')}
                </Button>
                <Button
                  size="small"
                  onClick={() => onAction('stock', warehouse)}
                  aria-label={t('adminWarehouses.stockLabel', { name: warehouse.name })}
                  data-testid="admin-warehouse-stock"
                >
                  {t('adminWarehouses.stock')}
                </Button>
                <Button
                  size="small"
                  color={warehouse.active ? 'error' : 'primary'}
                  onClick={() => onAction('active', warehouse)}
                  aria-label={
                    warehouse.active
                      ? t('adminWarehouses.takeOfflineLabel', { name: warehouse.name })
                      : t('adminWarehouses.bringOnlineLabel', { name: warehouse.name })
                  }
                  data-testid="admin-warehouse-toggle"
                >
                  {warehouse.active ? t('adminWarehouses.takeOffline') : t('adminWarehouses.bringOnline')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
          loading={loading}
          columns={WAREHOUSE_COLUMNS.length}
          skeletonRows={5}
          error={error}
          onRetry={onRetry}
          empty={<EmptyState title={t('adminWarehouses.empty')} hint={t('adminWarehouses.emptyHint')} />}
        />
      </Table>
    </TableContainer>
  );
}
