import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { MONO } from '@/app/theme';
import { OrderRow_OrderFragmentDoc, type OrderRow_OrderFragment } from '@/gql/graphql';
import { enumLabel } from '@/shared/enumLabel';
import { formatMoney } from '@/shared/money';
import { FulfilmentStatusChip, OrderStatusChip } from '@/shared/StatusChip';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';
import { orderUrl } from '../urls';

/** One order in the list; its number links to the order's page. */
export function OrderRow({ order: ref }: { order: FragmentType<OrderRow_OrderFragment> }) {
  const { t } = useTranslation();
  const order = useFragmentData(OrderRow_OrderFragmentDoc, ref);
  if (!order) return null;
  return (
    <TableRow hover>
      <TableCell>
        <Link component={RouterLink} to={orderUrl(order.number)} sx={{ fontFamily: MONO }}>
          {order.number}
        </Link>
      </TableCell>
      <TableCell>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
          <OrderStatusChip status={order.status} />
          {order.held ? <Chip size="small" color="error" label={t('order.header.held')} /> : null}
        </Box>
      </TableCell>
      <TableCell>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
          {order.subOrders.map((sub) => (
            <Tooltip
              key={sub.id}
              title={t('order.header.subOrderStatus', { number: sub.number })}
              describeChild
            >
              <span>
                <FulfilmentStatusChip status={sub.status} variant="outlined" />
              </span>
            </Tooltip>
          ))}
        </Box>
      </TableCell>
      <TableCell>{enumLabel(t, 'orderSource', order.source)}</TableCell>
      <TableCell>{enumLabel(t, 'orderType', order.type)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {order.receiver.name} {order.receiver.phone}
      </TableCell>
      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(order.amounts.payable)}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(order.createdAt)}</TableCell>
    </TableRow>
  );
}
