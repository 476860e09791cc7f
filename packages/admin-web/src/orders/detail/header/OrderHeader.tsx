import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { OrderHeader_OrderFragmentDoc, type OrderHeader_OrderFragment } from '@/gql/graphql';
import { EnumChip, FulfilmentStatusChip, OrderStatusChip } from '@/shared/StatusChip';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box component="div" sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {children}
      </Typography>
    </Box>
  );
}

/**
 * The order at a glance: number, source and type, the order's status, each sub-order's fulfilment status, the
 * hold, and the version (what a later change must name). `actions` are drawn under it.
 */
export function OrderHeader({
  order: ref,
  actions,
}: {
  order: FragmentType<OrderHeader_OrderFragment>;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const order = useFragmentData(OrderHeader_OrderFragmentDoc, ref);
  if (!order) return null;
  return (
    <Paper variant="outlined" component="section" aria-label={t('order.header.label')} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5 }}>
        <Typography component="h1" variant="h5" sx={{ fontFamily: MONO, fontWeight: 600 }}>
          <span data-testid="order-number">{order.number}</span>
        </Typography>
        <OrderStatusChip status={order.status} data-testid="order-status" />
        {order.held ? (
          <Chip size="small" color="error" label={t('order.header.held')} data-testid="order-held" />
        ) : null}
        <EnumChip group="orderSource" value={order.source} />
        <EnumChip group="orderType" value={order.type} />
        <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }}>
          {t('order.header.version', { version: order.version })}
        </Typography>
      </Box>
      {order.subOrders.length > 0 ? (
        <Box
          component="ul"
          sx={{ listStyle: 'none', p: 0, m: 0, mt: 1.5, display: 'flex', flexWrap: 'wrap', gap: 2 }}
        >
          {order.subOrders.map((sub) => (
            <Box component="li" key={sub.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
              <Typography variant="body2" color="text.secondary">
                {t('order.header.subOrderStatus', { number: sub.number })}
              </Typography>
              <FulfilmentStatusChip status={sub.status} />
              {sub.held ? (
                <Chip size="small" color="error" variant="outlined" label={t('order.header.held')} />
              ) : null}
            </Box>
          ))}
        </Box>
      ) : null}
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 2, m: 0, mt: 2 }}
      >
        <Fact label={t('order.header.createdAt')}>{formatDateTime(order.createdAt)}</Fact>
        <Fact label={t('order.header.paidAt')}>{formatDateTime(order.paidAt)}</Fact>
        <Fact label={t('order.header.channel')}>{order.channel ?? t('common.none')}</Fact>
        <Fact label={t('order.header.customerStatus')}>{order.customerStatus}</Fact>
      </Box>
      {actions ? <Box sx={{ mt: 2 }}>{actions}</Box> : null}
    </Paper>
  );
}
