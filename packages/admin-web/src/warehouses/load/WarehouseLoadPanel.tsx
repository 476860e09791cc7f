import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { WarehouseLoadPanelDocument } from '@/gql/graphql';
import type { FulfilmentStatus } from '@/gql/schema';
import { enumLabel } from '@/shared/enumLabel';
import { LIVE_QUERY, useRefetchWhenVisible } from '@/shared/live';
import { Section } from '@/shared/Section';
import { EmptyState, LoadingState } from '@/shared/States';
import { loadTable } from './loadTable';
import { ScrollRegion } from '@/shared/ScrollRegion';

// One hue per status along the way, so the bars read left (just dispatched) to right (about to ship).
const BAR_COLOUR: Partial<Record<FulfilmentStatus, string>> = {
  CREATED: '#90a4ae',
  DISPATCHED: '#4fc3f7',
  ACCEPTED: '#0288d1',
  PICKING: '#5e35b1',
  PACKED: '#2e7d32',
};

/**
 * Each warehouse's open sub-orders per status, with how many are late (the view: it owns its query, live). A bar
 * per warehouse shows the same at a glance; a warehouse's late count narrows the late list to it.
 */
export function WarehouseLoadPanel({
  onShowLate,
  lateWarehouse,
}: {
  onShowLate: (warehouseCode: string | undefined) => void;
  lateWarehouse: string | undefined;
}) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(WarehouseLoadPanelDocument, {
    fetchPolicy: 'cache-and-network',
    ...LIVE_QUERY,
  });
  useRefetchWhenVisible(refetch);

  let body;
  if (!data) {
    body = <LoadingState error={error} onRetry={() => void refetch()} height={200} />;
  } else {
    const { statuses, rows, max } = loadTable(data.warehouses, data.warehouseLoad);
    body =
      rows.length === 0 ? (
        <EmptyState title={t('warehouses.load.empty')} />
      ) : (
        <ScrollRegion label={t('warehouses.load.title')} sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('warehouses.load.title')} data-testid="warehouses-load">
            <TableHead>
              <TableRow>
                <TableCell>{t('warehouses.load.warehouse')}</TableCell>
                {statuses.map((s) => (
                  <TableCell key={s} align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {enumLabel(t, 'fulfilmentStatus', s)}
                  </TableCell>
                ))}
                <TableCell align="right">{t('warehouses.load.open')}</TableCell>
                <TableCell align="right">{t('warehouses.load.late')}</TableCell>
                <TableCell sx={{ width: '30%' }}>{t('warehouses.load.chart')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.code} data-testid="load-row" data-warehouse={row.code}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {row.name}{' '}
                    <Box component="span" sx={{ fontFamily: MONO, color: 'text.secondary' }}>
                      {row.code}
                    </Box>
                    {!row.active ? (
                      <Chip size="small" sx={{ ml: 1 }} label={t('warehouses.load.inactive')} />
                    ) : null}
                  </TableCell>
                  {statuses.map((s) => {
                    const cell = row.cells.get(s);
                    return (
                      <TableCell key={s} align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                        {cell?.count ?? 0}
                        {cell?.late ? (
                          <Typography component="span" variant="caption" color="error" sx={{ ml: 0.5 }}>
                            {t('warehouses.load.lateIn', { n: cell.late })}
                          </Typography>
                        ) : null}
                      </TableCell>
                    );
                  })}
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    {row.open}
                  </TableCell>
                  <TableCell align="right">
                    {row.late > 0 ? (
                      <Button
                        size="small"
                        color="error"
                        variant={lateWarehouse === row.code ? 'contained' : 'text'}
                        onClick={() => onShowLate(lateWarehouse === row.code ? undefined : row.code)}
                        aria-label={t('warehouses.load.showLate', { n: row.late, warehouse: row.name })}
                      >
                        {row.late}
                      </Button>
                    ) : (
                      0
                    )}
                  </TableCell>
                  <TableCell>
                    <Box
                      aria-hidden
                      sx={{
                        display: 'flex',
                        height: 14,
                        width: '100%',
                        bgcolor: 'grey.100',
                        borderRadius: 0.5,
                      }}
                    >
                      {statuses.map((s) => {
                        const count = row.cells.get(s)?.count ?? 0;
                        if (count === 0 || max === 0) return null;
                        return (
                          <Tooltip key={s} title={`${enumLabel(t, 'fulfilmentStatus', s)} ${count}`}>
                            <Box
                              sx={{ width: `${(count / max) * 100}%`, bgcolor: BAR_COLOUR[s] ?? 'grey.500' }}
                            />
                          </Tooltip>
                        );
                      })}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      );
  }
  return <Section title={t('warehouses.load.title')}>{body}</Section>;
}
