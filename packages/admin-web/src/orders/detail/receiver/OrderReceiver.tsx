import LockOpenIcon from '@mui/icons-material/LockOpen';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderReceiver_OrderFragmentDoc, type OrderReceiver_OrderFragment } from '@/gql/graphql';
import { enumLabel } from '@/shared/enumLabel';
import { Section } from '@/shared/Section';
import { useFragmentData } from '@/shared/useFragmentData';
import { useDisabledReason } from '@/shared/ActionBar';
import { RevealDialog, type RevealedPersonalData } from './RevealDialog';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '6.5rem 1fr', gap: 1, py: 0.5 }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Typography>
    </Box>
  );
}

/**
 * The receiver, masked as the server sends it to every role, with "reveal" when the server offers it: a reason
 * is asked for, the full data is shown in place, and the reveal is audited.
 */
export function OrderReceiver({ order: ref }: { order: FragmentType<OrderReceiver_OrderFragment> }) {
  const { t } = useTranslation();
  const reasonOf = useDisabledReason();
  const order = useFragmentData(OrderReceiver_OrderFragmentDoc, ref);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [revealed, setRevealed] = useState<RevealedPersonalData | null>(null);
  if (!order) return null;

  const shown = revealed && revealed.orderNumber === order.number ? revealed : null;
  const receiver = shown ?? order.receiver;
  const offered = order.allowedActions.find((a) => a.action === 'REVEAL');
  const address = [receiver.province, receiver.city, receiver.district, receiver.address].join(' ');

  let revealControl: ReactNode = null;
  if (shown) {
    revealControl = (
      <Chip size="small" color="success" variant="outlined" label={t('order.receiver.revealed')} />
    );
  } else if (offered?.enabled) {
    revealControl = (
      <Button
        size="small"
        variant="outlined"
        startIcon={<LockOpenIcon aria-hidden />}
        onClick={() => setDialogOpen(true)}
        data-testid="reveal-button"
      >
        {t('order.receiver.reveal')}
      </Button>
    );
  } else if (offered) {
    revealControl = (
      <Tooltip title={reasonOf(offered.reasonCode)} describeChild>
        <span tabIndex={0}>
          <Button size="small" variant="outlined" disabled data-testid="reveal-button">
            {t('order.receiver.reveal')}
          </Button>
        </span>
      </Tooltip>
    );
  }

  return (
    <Section title={t('order.receiver.title')} actions={revealControl}>
      <Box component="dl" sx={{ m: 0 }}>
        <Row label={t('order.receiver.name')}>{receiver.name}</Row>
        <Row label={t('order.receiver.phone')} testId="receiver-phone">
          {receiver.phone}
        </Row>
        <Row label={t('order.receiver.address')} testId="receiver-address">
          {address}
        </Row>
        {order.receiver.deliveryPreference ? (
          <Row label={t('order.receiver.deliveryPreference')}>{order.receiver.deliveryPreference}</Row>
        ) : null}
        <Row label={t('order.receiver.customer')}>
          {[
            order.customer.nickname,
            order.customer.id,
            order.customer.accountAgeDays !== null
              ? t('order.receiver.accountAge', { days: order.customer.accountAgeDays })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Row>
        {order.remark ? <Row label={t('order.receiver.remark')}>{order.remark}</Row> : null}
        {order.invoice ? (
          <Row label={t('order.receiver.invoice')}>
            {[enumLabel(t, 'invoiceType', order.invoice.type), order.invoice.title, order.invoice.taxId]
              .filter(Boolean)
              .join(' · ')}
          </Row>
        ) : null}
      </Box>
      {offered ? (
        <RevealDialog
          orderNumber={order.number}
          open={dialogOpen}
          onClose={() => setDialogOpen(false)}
          onRevealed={setRevealed}
        />
      ) : null}
    </Section>
  );
}
