import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { enumLabel } from '@/shared/enumLabel';
import { RefundStatusChip } from '@/shared/StatusChip';
import { channelReason, refundName, type RefundTarget } from './target';

function Item({ term, children, mono = false }: { term: string; children: ReactNode; mono?: boolean }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {term}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: mono ? MONO : undefined }}>
        {children}
      </Typography>
    </>
  );
}

/** The refund an action concerns, before anything is sent: its order, instrument, amount, attempt and the reason. */
export function RefundSummary({ refund }: { refund: RefundTarget }) {
  const { t } = useTranslation();
  const { method, amount } = refundName(t, refund);
  const reason = channelReason(refund);
  return (
    <Box
      component="dl"
      aria-label={t('refund.summary.label')}
      data-testid="refund-summary"
      sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
    >
      <Item term={t('refund.summary.order')} mono>
        {refund.orderNumber}
      </Item>
      {refund.subOrderNumber ? (
        <Item term={t('refund.summary.subOrder')} mono>
          {refund.subOrderNumber}
        </Item>
      ) : null}
      <Item term={t('refund.summary.method')}>{method}</Item>
      <Item term={t('refund.summary.amount')}>{amount}</Item>
      <Item term={t('refund.summary.attempt')}>
        {t('order.refunds.attempt', { attempt: refund.attempt })}
      </Item>
      <Item term={t('refund.summary.status')}>
        <RefundStatusChip status={refund.status} />
        {refund.deliveryState === 'DEAD_LETTER' ? (
          <Typography component="span" variant="body2" color="error" sx={{ ml: 1 }}>
            {enumLabel(t, 'refundDeliveryState', refund.deliveryState)}
          </Typography>
        ) : null}
      </Item>
      <Item term={t('refund.summary.reason')}>{reason ?? t('refund.noReason')}</Item>
    </Box>
  );
}
