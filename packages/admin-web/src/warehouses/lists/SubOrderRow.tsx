import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { MONO } from '@/app/theme';
import { SubOrderRow_SubOrderFragmentDoc, type SubOrderRow_SubOrderFragment } from '@/gql/graphql';
import { orderUrl } from '@/orders/urls';
import { formatMinutes } from '@/shared/duration';
import { DispatchStateChip, FulfilmentStatusChip } from '@/shared/StatusChip';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';

/** The columns a list of sub-orders shows besides number, warehouse and status. */
export type SubOrderColumn = 'late' | 'lines' | 'dispatch' | 'createdAt' | 'dispatchedAt';

/** One sub-order in an ops list: linked to its order, where it is, its status, and what the list is about. */
export function SubOrderRow({
  subOrder: ref,
  columns,
  testId,
  selectable,
  selected,
  onToggle,
}: {
  subOrder: FragmentType<SubOrderRow_SubOrderFragment>;
  columns: readonly SubOrderColumn[];
  testId: string;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const sub = useFragmentData(SubOrderRow_SubOrderFragmentDoc, ref);
  if (!sub) return null;
  return (
    <TableRow hover selected={selected} data-testid={testId} data-number={sub.number}>
      {selectable ? (
        <TableCell padding="checkbox">
          <Checkbox
            checked={selected}
            onChange={onToggle}
            slotProps={{ input: { 'aria-label': t('warehouses.lists.select', { number: sub.number }) } }}
          />
        </TableCell>
      ) : null}
      <TableCell>
        <Link component={RouterLink} to={orderUrl(sub.order.number, sub.number)} sx={{ fontFamily: MONO }}>
          {sub.number}
        </Link>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: MONO }}>
          {t('warehouses.lists.order', { number: sub.order.number })}
        </Typography>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {sub.warehouse ? `${sub.warehouse.name} (${sub.warehouse.code})` : t('order.subOrders.noWarehouse')}
      </TableCell>
      <TableCell>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
          <FulfilmentStatusChip status={sub.status} />
          {sub.held ? <Chip size="small" color="error" label={t('order.header.held')} /> : null}
        </Box>
      </TableCell>
      {columns.map((column) => {
        switch (column) {
          case 'late':
            return (
              <TableCell key={column} sx={{ whiteSpace: 'nowrap' }} data-testid="late-by">
                {sub.lateMinutes !== null ? (
                  <Typography variant="body2" color="error">
                    {formatMinutes(t, sub.lateMinutes)}
                  </Typography>
                ) : (
                  t('common.none')
                )}
              </TableCell>
            );
          case 'lines':
            return (
              <TableCell key={column} sx={{ fontFamily: MONO }}>
                {sub.lines.map((l) => `${l.sku} × ${l.quantity}`).join(', ')}
              </TableCell>
            );
          case 'dispatch':
            return (
              <TableCell key={column}>
                <DispatchStateChip state={sub.dispatchState} variant="outlined" />
              </TableCell>
            );
          case 'createdAt':
            return (
              <TableCell key={column} sx={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(sub.createdAt)}
              </TableCell>
            );
          case 'dispatchedAt':
            return (
              <TableCell key={column} sx={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(sub.dispatchedAt)}
              </TableCell>
            );
          default: {
            const unknown: never = column;
            return unknown;
          }
        }
      })}
    </TableRow>
  );
}
