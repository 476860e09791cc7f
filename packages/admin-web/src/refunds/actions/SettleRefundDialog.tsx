import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettleRefundOfflineDocument } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { useIdempotencyKey } from '@/shared/idempotency';
import { formatDateTime } from '@/shared/time';
import { RefundSummary } from './RefundSummary';
import { refundName, useRefetch, type RefundDialogProps } from './target';

const MAX_REFERENCE = 128;

/**
 * Settles a refund that was paid back outside its channel (`settleRefundOffline`, managers): the bank transfer's
 * reference and a reason, both required; afterwards the reference and settle time the server recorded.
 */
export function SettleRefundDialog({ refund, onClose, refetchQueries }: RefundDialogProps) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const refetch = useRefetch(refetchQueries);
  const [reference, setReference] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [settle] = useMutation(SettleRefundOfflineDocument, { refetchQueries, awaitRefetchQueries: true });
  const missing = reference.trim() === '';
  const name = refundName(t, refund);
  return (
    <ActionDialog
      title={t('refund.settle.title', name)}
      onClose={onClose}
      explain={<Typography variant="body2">{t('refund.settle.explain')}</Typography>}
      focusReason={false}
      invalid={missing}
      onAttempt={() => setAttempted(true)}
      confirmLabel={t('refund.settle.confirm')}
      onVersionConflict={refetch}
      onConfirm={async (reason) => {
        const input = { refundId: refund.id, reference: reference.trim(), reason };
        const { data } = await settle({ variables: { input: { ...input, idempotencyKey: keyFor(input) } } });
        const now = data?.settleRefundOffline.refund;
        return (
          <Typography variant="body2" data-testid="refund-result">
            {t('refund.settle.done', {
              reference: now?.channelRefundNo ?? input.reference,
              time: formatDateTime(now?.settledAt),
            })}
          </Typography>
        );
      }}
    >
      <RefundSummary refund={refund} />
      <TextField
        id={`settle-reference-${refund.id}`}
        label={t('refund.settle.reference')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        required
        fullWidth
        autoFocus
        sx={{ mt: 2 }}
        error={attempted && missing}
        helperText={
          attempted && missing ? t('refund.settle.referenceRequired') : t('refund.settle.referenceHelp')
        }
        slotProps={{ htmlInput: { 'data-testid': 'settle-reference', maxLength: MAX_REFERENCE } }}
      />
    </ActionDialog>
  );
}
