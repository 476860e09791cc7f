import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RetryRefundDocument } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { enumLabel } from '@/shared/enumLabel';
import { useIdempotencyKey } from '@/shared/idempotency';
import { RefundSummary } from './RefundSummary';
import { refundName, useRefetch, type RefundDialogProps } from './target';

/**
 * Sends one refund to its channel again (`retryRefund`, a reason required): the server makes it the next attempt of a
 * failed refund, or the same attempt afresh of an undelivered one; afterwards the attempt and status it reports.
 */
export function RetryRefundDialog({ refund, onClose, refetchQueries }: RefundDialogProps) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const refetch = useRefetch(refetchQueries);
  const [retry] = useMutation(RetryRefundDocument, { refetchQueries, awaitRefetchQueries: true });
  const name = refundName(t, refund);
  return (
    <ActionDialog
      title={t('refund.retry.title', name)}
      onClose={onClose}
      explain={<Typography variant="body2">{t('refund.retry.explain', name)}</Typography>}
      confirmLabel={t('refund.retry.confirm')}
      onVersionConflict={refetch}
      onConfirm={async (reason) => {
        const input = { refundId: refund.id, reason };
        const { data } = await retry({ variables: { input: { ...input, idempotencyKey: keyFor(input) } } });
        const now = data?.retryRefund.refund;
        return (
          <Typography variant="body2" data-testid="refund-result">
            {now
              ? t('refund.retry.done', {
                  attempt: t('order.refunds.attempt', { attempt: now.attempt }),
                  status: enumLabel(t, 'refundStatus', now.status),
                })
              : t('common.none')}
          </Typography>
        );
      }}
    >
      <RefundSummary refund={refund} />
    </ActionDialog>
  );
}
