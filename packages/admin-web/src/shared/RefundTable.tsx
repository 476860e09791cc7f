import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import type { PaymentMethod, RefundDeliveryState, RefundStatus } from '@/gql/schema';
import { enumLabel } from './enumLabel';
import { formatMoney, type MoneyLike } from './money';
import { RefundStatusChip } from './StatusChip';
import { formatDateTime } from './time';

/** A refund as every refund table shows it: the instrument, the amount, where it stands, and its sub-order. */
export interface RefundRow {
  readonly id: string;
  readonly method: PaymentMethod;
  readonly status: RefundStatus;
  readonly subOrderNumber: string | null;
  readonly amount: MoneyLike;
}

/**
 * A refund with everything an order's page shows of it: why and when it was made, the payment (serial) it draws on,
 * its attempts and delivery, the channel's reference and when it was settled, or why it failed.
 */
export interface DetailedRefundRow extends RefundRow {
  readonly reason: string;
  readonly createdAt: string;
  readonly attempt: number;
  readonly deliveryState: RefundDeliveryState;
  readonly failureReason: string | null;
  readonly lastError: string | null;
  readonly channelRefundNo: string | null;
  readonly settledAt: string | null;
  readonly settledOffline: boolean;
  readonly payment: { readonly transactionNo: string | null } | null;
}

function Caption({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Typography variant="caption" color="text.secondary" component="div" data-testid={testId}>
      {children}
    </Typography>
  );
}

/** The detailed table's cells sit closer together: it shares the page with the payments, in half its width. */
const DENSE = { '& th, & td': { px: 1 } } as const;

/**
 * One refund with its details, in one row: each cell a value and, under it, what goes with it (the attempt and why it
 * failed or never arrived under the status; the settle time under the channel's number; the payment serial it draws
 * on, the reason and when under the sub-order).
 */
function DetailedRefund({
  refund,
  testId,
  actions,
}: {
  refund: DetailedRefundRow;
  testId?: string;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const deadLettered = refund.deliveryState === 'DEAD_LETTER';
  return (
    <TableRow data-testid={testId} data-id={refund.id} sx={{ verticalAlign: 'top' }}>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{enumLabel(t, 'paymentMethod', refund.method)}</TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatMoney(refund.amount)}
      </TableCell>
      <TableCell sx={{ minWidth: 96 }}>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
          <RefundStatusChip status={refund.status} data-testid="refund-status" />
          {deadLettered ? (
            <Chip
              size="small"
              color="error"
              variant="outlined"
              label={enumLabel(t, 'refundDeliveryState', refund.deliveryState)}
              data-testid="refund-delivery"
            />
          ) : null}
        </Box>
        <Caption testId="refund-attempt">{t('order.refunds.attempt', { attempt: refund.attempt })}</Caption>
        {/* A refund settled after a refusal keeps the channel's old reason: the timeline tells that story. */}
        {refund.status === 'FAILED' && refund.failureReason ? (
          <Typography variant="caption" color="error" component="div" data-testid="refund-failure">
            {t('order.refunds.failure', { reason: refund.failureReason })}
          </Typography>
        ) : null}
        {deadLettered && refund.lastError ? (
          <Typography variant="caption" color="error" component="div" data-testid="refund-failure">
            {t('order.refunds.deliveryError', { error: refund.lastError })}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell>
        <Box
          component="span"
          sx={{ fontFamily: MONO, overflowWrap: 'anywhere' }}
          data-testid="refund-channel-no"
        >
          {refund.channelRefundNo ?? t('common.none')}
        </Box>
        <Caption testId="refund-settled">
          {refund.settledAt
            ? t('order.refunds.settledAt', { time: formatDateTime(refund.settledAt) })
            : t('order.refunds.notSettled')}
        </Caption>
        {refund.settledOffline ? (
          <Chip size="small" variant="outlined" label={t('order.refunds.settledOffline')} sx={{ mt: 0.5 }} />
        ) : null}
      </TableCell>
      <TableCell>
        <Box component="span" sx={{ fontFamily: MONO }}>
          {refund.subOrderNumber ?? t('order.refunds.wholeOrder')}
        </Box>
        {refund.payment?.transactionNo ? (
          <Caption testId="refund-payment">
            {t('order.refunds.payment')}{' '}
            <Box component="span" sx={{ fontFamily: MONO, whiteSpace: 'nowrap' }}>
              {refund.payment.transactionNo}
            </Box>
          </Caption>
        ) : null}
        {/* A refund of money the order did not owe has the code OVERPAID as its reason. */}
        <Caption testId="refund-reason">
          {t('order.refunds.reason', { reason: enumLabel(t, 'refundReason', refund.reason) })}
        </Caption>
        <Caption>{formatDateTime(refund.createdAt)}</Caption>
      </TableCell>
      {actions !== undefined ? <TableCell>{actions}</TableCell> : null}
    </TableRow>
  );
}

/**
 * Refunds as a table (per instrument, with status and sub-order), or `empty` when there are none. `detailed` (an
 * order's page) shows each refund in full — the payment it draws on, attempts, delivery, the channel's reference, the
 * settle time, why it failed, why and when it was made — and, with `actions`, what may be done to it. The data comes
 * from whoever asked for it (an order's page, a cancel's payload), each selecting what its table shows.
 */
export function RefundTable<R extends DetailedRefundRow>(
  props: { label: string; empty: string; rowTestId?: string } & (
    | { refunds: readonly RefundRow[]; detailed?: false }
    | {
        refunds: readonly R[];
        detailed: true;
        /** the actions offered on one refund; no column when not given */
        actions?: (refund: R) => ReactNode;
      }
  ),
) {
  const { label, empty, rowTestId } = props;
  const { t } = useTranslation();
  if (props.refunds.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {empty}
      </Typography>
    );
  }
  if (props.detailed) {
    const { actions } = props;
    return (
      <Table size="small" aria-label={label} sx={DENSE}>
        <TableHead>
          <TableRow>
            <TableCell>{t('order.refunds.method')}</TableCell>
            <TableCell align="right">{t('order.refunds.amount')}</TableCell>
            <TableCell>{t('order.refunds.status')}</TableCell>
            <TableCell>{t('order.refunds.channelRefundNo')}</TableCell>
            <TableCell>{t('order.refunds.subOrder')}</TableCell>
            {actions ? <TableCell>{t('order.refunds.actions')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.refunds.map((refund) => (
            <DetailedRefund
              key={refund.id}
              refund={refund}
              testId={rowTestId}
              actions={actions ? actions(refund) : undefined}
            />
          ))}
        </TableBody>
      </Table>
    );
  }
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{t('order.refunds.method')}</TableCell>
          <TableCell align="right">{t('order.refunds.amount')}</TableCell>
          <TableCell>{t('order.refunds.status')}</TableCell>
          <TableCell>{t('order.refunds.subOrder')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.refunds.map((refund) => (
          <TableRow key={refund.id} data-testid={rowTestId}>
            <TableCell>{enumLabel(t, 'paymentMethod', refund.method)}</TableCell>
            <TableCell align="right">{formatMoney(refund.amount)}</TableCell>
            <TableCell>
              <RefundStatusChip status={refund.status} />
            </TableCell>
            <TableCell sx={{ fontFamily: MONO }}>
              {refund.subOrderNumber ?? t('order.refunds.wholeOrder')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
