import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import {
  OrderDetailPageDocument,
  OrderPayments_OrderFragmentDoc,
  type OrderPayments_OrderFragment,
} from '@/gql/graphql';
import { RefundActionDialog } from '@/refunds/actions/RefundActionDialog';
import { isRefundAction, refundName, type RefundAction, type RefundTarget } from '@/refunds/actions/target';
import { ActionBar } from '@/shared/ActionBar';
import { enumLabel } from '@/shared/enumLabel';
import { formatMoney } from '@/shared/money';
import { Section } from '@/shared/Section';
import { toggled } from '@/shared/selection';
import { RefundTable } from '@/shared/RefundTable';
import { PaymentStatusChip } from '@/shared/StatusChip';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';
import { ScrollRegion } from '@/shared/ScrollRegion';

type Order = OrderPayments_OrderFragment;

function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Typography component="h3" variant="subtitle2" sx={{ mt: 2, mb: 0.5 }}>
      {children}
    </Typography>
  );
}

function Payments({ payments }: { payments: Order['payments'] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setOpen((current) => toggled(current, id));
  if (payments.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('order.payments.empty')}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={t('order.payments.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('order.payments.method')}</TableCell>
          <TableCell align="right">{t('order.payments.amount')}</TableCell>
          <TableCell>{t('order.payments.status')}</TableCell>
          <TableCell>{t('order.payments.transactionNo')}</TableCell>
          <TableCell>{t('order.payments.paidAt')}</TableCell>
          <TableCell>{t('order.payments.logs')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {payments.map((payment) => {
          const logsId = `payment-logs-${payment.id}`;
          const expanded = open.has(payment.id);
          return (
            <Fragment key={payment.id}>
              <TableRow>
                <TableCell>{enumLabel(t, 'paymentMethod', payment.method)}</TableCell>
                <TableCell align="right">{formatMoney(payment.amount)}</TableCell>
                <TableCell>
                  <PaymentStatusChip status={payment.status} />
                </TableCell>
                <TableCell sx={{ fontFamily: MONO, overflowWrap: 'anywhere' }}>
                  {payment.transactionNo ?? t('common.none')}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(payment.paidAt)}</TableCell>
                <TableCell>
                  {payment.logs.length > 0 ? (
                    <Button
                      size="small"
                      onClick={() => toggle(payment.id)}
                      aria-expanded={expanded}
                      aria-controls={logsId}
                    >
                      {expanded
                        ? t('order.payments.hideLogs')
                        : t('order.payments.showLogs', { count: payment.logs.length })}
                    </Button>
                  ) : (
                    t('common.none')
                  )}
                </TableCell>
              </TableRow>
              {expanded ? (
                <TableRow id={logsId}>
                  <TableCell colSpan={6} sx={{ bgcolor: 'grey.50' }}>
                    <Table size="small" aria-label={t('order.payments.logs')}>
                      <TableHead>
                        <TableRow>
                          <TableCell>{t('order.payments.logAt')}</TableCell>
                          <TableCell>{t('order.payments.status')}</TableCell>
                          <TableCell>{t('order.payments.reference')}</TableCell>
                        </TableRow>
                      </TableHead>
                      <TableBody>
                        {payment.logs.map((log, index) => (
                          <TableRow key={`${log.at}-${index}`}>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(log.at)}</TableCell>
                            <TableCell>
                              <PaymentStatusChip status={log.status} />
                            </TableCell>
                            <TableCell sx={{ fontFamily: MONO }}>
                              {log.reference ?? t('common.none')}
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}

function Reversal() {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" label={t('order.giftCards.reversal')} sx={{ ml: 1 }} />;
}

type Refund = Order['refunds'][number];

/** What a refund's dialogs show of it. */
function refundTarget(refund: Refund): RefundTarget {
  return {
    id: refund.id,
    orderNumber: refund.orderNumber,
    subOrderNumber: refund.subOrderNumber,
    method: refund.method,
    amount: refund.amount,
    status: refund.status,
    attempt: refund.attempt,
    deliveryState: refund.deliveryState,
    failureReason: refund.failureReason,
    lastError: refund.lastError,
  };
}

/**
 * Payments with their serial numbers and logs, gift-card and points usages, and refunds in full, each refund with the
 * actions the server offers on it (send again, settle offline) and their dialogs; a change reloads the page.
 */
export function OrderPayments({ order: ref }: { order: FragmentType<OrderPayments_OrderFragment> }) {
  const { t } = useTranslation();
  const order = useFragmentData(OrderPayments_OrderFragmentDoc, ref);
  const [open, setOpen] = useState<{ action: RefundAction; refund: RefundTarget } | null>(null);
  if (!order) return null;
  const offersActions = order.refunds.some((r) => r.allowedActions.length > 0);
  return (
    <Section title={t('order.payments.title')}>
      <ScrollRegion label={t('order.payments.title')} sx={{ overflowX: 'auto' }}>
        <Payments payments={order.payments} />
      </ScrollRegion>

      {order.giftCardUsages.length > 0 ? (
        <>
          <SubHeading>{t('order.giftCards.title')}</SubHeading>
          <Table size="small" aria-label={t('order.giftCards.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('order.giftCards.cardNumber')}</TableCell>
                <TableCell align="right">{t('order.giftCards.amount')}</TableCell>
                <TableCell align="right">{t('order.giftCards.balanceAfter')}</TableCell>
                <TableCell>{t('order.giftCards.at')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {order.giftCardUsages.map((usage) => (
                <TableRow key={usage.id}>
                  <TableCell sx={{ fontFamily: MONO }}>
                    {usage.cardNumber}
                    {usage.reversal ? <Reversal /> : null}
                  </TableCell>
                  <TableCell align="right">{formatMoney(usage.amount)}</TableCell>
                  <TableCell align="right">{formatMoney(usage.balanceAfter)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(usage.at)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}

      {order.pointsUsages.length > 0 ? (
        <>
          <SubHeading>{t('order.points.title')}</SubHeading>
          <Table size="small" aria-label={t('order.points.title')}>
            <TableHead>
              <TableRow>
                <TableCell align="right">{t('order.points.points')}</TableCell>
                <TableCell align="right">{t('order.points.value')}</TableCell>
                <TableCell align="right">{t('order.points.balanceAfter')}</TableCell>
                <TableCell>{t('order.points.at')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {order.pointsUsages.map((usage) => (
                <TableRow key={usage.id}>
                  <TableCell align="right">
                    {usage.points}
                    {usage.reversal ? <Reversal /> : null}
                  </TableCell>
                  <TableCell align="right">{formatMoney(usage.value)}</TableCell>
                  <TableCell align="right">{usage.balanceAfter}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(usage.at)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}

      <SubHeading>{t('order.refunds.title')}</SubHeading>
      <ScrollRegion label={t('order.refunds.title')} sx={{ overflowX: 'auto' }}>
        <RefundTable
          refunds={order.refunds}
          detailed
          label={t('order.refunds.title')}
          empty={t('order.refunds.empty')}
          rowTestId="order-refund"
          actions={
            offersActions
              ? (refund) => (
                  <ActionBar
                    actions={refund.allowedActions}
                    label={t('order.refunds.actionsFor', refundName(t, refund))}
                    onAction={(action) => {
                      if (isRefundAction(action)) setOpen({ action, refund: refundTarget(refund) });
                    }}
                    quietWhenNone
                  />
                )
              : undefined
          }
        />
      </ScrollRegion>
      {open ? (
        <RefundActionDialog
          action={open.action}
          refund={open.refund}
          refetchQueries={[OrderDetailPageDocument]}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </Section>
  );
}
