import ListItemButton from '@mui/material/ListItemButton';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import type { FragmentType } from '@apollo/client';
import { Link as RouterLink } from 'react-router';
import { MONO } from '@/app/theme';
import { SearchResultRow_OrderFragmentDoc, type SearchResultRow_OrderFragment } from '@/gql/graphql';
import { orderUrl } from '@/orders/urls';
import { OrderStatusChip } from '@/shared/StatusChip';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';

/** One order of several that matched: number, status, receiver (masked), created at; opens the order. */
export function SearchResultRow({ order: ref }: { order: FragmentType<SearchResultRow_OrderFragment> }) {
  const order = useFragmentData(SearchResultRow_OrderFragmentDoc, ref);
  if (!order) return null;
  return (
    <li>
      <ListItemButton
        component={RouterLink}
        to={orderUrl(order.number)}
        sx={{ display: 'grid', gridTemplateColumns: '12rem 8rem 1fr 11rem', gap: 2, alignItems: 'center' }}
      >
        <Typography component="span" sx={{ fontFamily: MONO, fontWeight: 500 }}>
          {order.number}
        </Typography>
        <Box>
          <OrderStatusChip status={order.status} />
        </Box>
        <Typography component="span" variant="body2">
          {order.receiver.name} {order.receiver.phone}
        </Typography>
        <Typography component="span" variant="body2" color="text.secondary">
          {formatDateTime(order.createdAt)}
        </Typography>
      </ListItemButton>
    </li>
  );
}
