import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import type { PaymentMethod, RefundStatus } from '@/gql/schema';
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

/** A refund with why and when it was made, for the tables that show them. */
export interface DetailedRefundRow extends RefundRow {
  readonly reason: string;
  readonly createdAt: string;
}

/**
 * Refunds as a table (per instrument, with status and sub-order; `detailed` adds the reason and when), or `empty`
 * when there are none. The data comes from whoever asked for it (an order's page, a cancel's payload), each
 * selecting what its table shows.
 */
export function RefundTable(
  props: { label: string; empty: string; rowTestId?: string } & (
    | { refunds: readonly RefundRow[]; detailed?: false }
    | { refunds: readonly DetailedRefundRow[]; detailed: true }
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
  // The union above ties `detailed` to rows that have the details.
  const refunds: readonly (RefundRow & Partial<DetailedRefundRow>)[] = props.refunds;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{t('order.refunds.method')}</TableCell>
          <TableCell align="right">{t('order.refunds.amount')}</TableCell>
          <TableCell>{t('order.refunds.status')}</TableCell>
          <TableCell>{t('order.refunds.subOrder')}</TableCell>
          {props.detailed ? (
            <>
              <TableCell>{t('order.refunds.reason')}</TableCell>
              <TableCell>{t('order.refunds.createdAt')}</TableCell>
            </>
          ) : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {refunds.map((refund) => (
          <TableRow key={refund.id} data-testid={rowTestId}>
            <TableCell>{enumLabel(t, 'paymentMethod', refund.method)}</TableCell>
            <TableCell align="right">{formatMoney(refund.amount)}</TableCell>
            <TableCell>
              <RefundStatusChip status={refund.status} />
            </TableCell>
            <TableCell sx={{ fontFamily: MONO }}>
              {refund.subOrderNumber ?? t('order.refunds.wholeOrder')}
            </TableCell>
            {props.detailed ? (
              <>
                <TableCell>{refund.reason}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(refund.createdAt)}</TableCell>
              </>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
