import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { MONO } from '@/app/theme';
import type { FailedRefundTable_RefundsFragment } from '@/gql/graphql';
import type { StaffAction } from '@/gql/schema';
import { orderUrl } from '@/orders/urls';
import { ActionBar } from '@/shared/ActionBar';
import { enumLabel } from '@/shared/enumLabel';
import { RefundStatusChip } from '@/shared/StatusChip';
import { formatDateTime } from '@/shared/time';
import { channelReason, refundName } from '../actions/target';

/** The columns of the failed refunds list, in order (the select box comes first when there is one). */
export const REFUND_COLUMNS = [
  'order',
  'method',
  'amount',
  'status',
  'attempt',
  'reason',
  'createdAt',
  'actions',
] as const;

/** True when the server allows sending the refund again now (its `allowedActions`). */
export function canRetry(refund: Pick<FailedRefundTable_RefundsFragment, 'allowedActions'>): boolean {
  return refund.allowedActions.some((a) => a.action === 'RETRY_REFUND' && a.enabled);
}

/**
 * One failed refund: its order (a link) and sub-order, instrument, amount, where it stands, the attempt, the channel's
 * reason, when it was made, and the actions the server offers on it.
 */
export function FailedRefundRow({
  refund,
  selectable,
  selected,
  onToggle,
  onAction,
}: {
  refund: FailedRefundTable_RefundsFragment;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
  onAction: (action: StaffAction) => void;
}) {
  const { t } = useTranslation();
  const name = refundName(t, refund);
  const reason = channelReason(refund);
  return (
    <TableRow
      hover
      selected={selected}
      data-testid="refund-row"
      data-id={refund.id}
      data-order={refund.orderNumber}
    >
      {selectable ? (
        <TableCell padding="checkbox">
          <Checkbox
            checked={selected}
            disabled={!canRetry(refund)}
            onChange={onToggle}
            slotProps={{
              input: {
                'aria-label': t('refund.select', { number: refund.orderNumber, method: name.method }),
              },
            }}
          />
        </TableCell>
      ) : null}
      <TableCell>
        <Link
          component={RouterLink}
          to={orderUrl(refund.orderNumber, refund.subOrderNumber ?? undefined)}
          sx={{ fontFamily: MONO }}
          data-testid="refund-order"
        >
          {refund.orderNumber}
        </Link>
        {refund.subOrderNumber ? (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: MONO }}>
            {t('refund.subOrder', { number: refund.subOrderNumber })}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{name.method}</TableCell>
      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {name.amount}
      </TableCell>
      <TableCell>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
          <RefundStatusChip status={refund.status} data-testid="refund-status" />
          {refund.deliveryState === 'DEAD_LETTER' ? (
            <Chip
              size="small"
              color="error"
              variant="outlined"
              label={enumLabel(t, 'refundDeliveryState', refund.deliveryState)}
              data-testid="refund-dead-letter"
            />
          ) : null}
        </Box>
      </TableCell>
      <TableCell align="right" data-testid="refund-attempt">
        {refund.attempt}
      </TableCell>
      <TableCell sx={{ minWidth: 160, maxWidth: 320, wordBreak: 'break-word' }} data-testid="refund-reason">
        {reason ?? (
          <Typography variant="body2" color="text.secondary" component="span">
            {t('refund.noReason')}
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(refund.createdAt)}</TableCell>
      <TableCell>
        <ActionBar
          actions={refund.allowedActions}
          label={t('order.refunds.actionsFor', name)}
          onAction={onAction}
          quietWhenNone
        />
      </TableCell>
    </TableRow>
  );
}
