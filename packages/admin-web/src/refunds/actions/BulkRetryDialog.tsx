import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { BulkRetryRefundsDocument, FailedRefundsDocument } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { BulkResults, type BulkItemResult } from '@/shared/BulkResults';
import { useIdempotencyKey } from '@/shared/idempotency';
import { refundName, type RefundTarget } from './target';

/** How a refund is named in bulk lists: its order, instrument and amount. */
export function useDescribeRefund(refunds: ReadonlyMap<string, RefundTarget>): (id: string) => string {
  const { t } = useTranslation();
  return (id) => {
    const refund = refunds.get(id);
    return refund ? t('refund.describe', { order: refund.orderNumber, ...refundName(t, refund) }) : id;
  };
}

/**
 * Sends the selected refunds again in one call (`bulkRetryRefunds`, one reason for all): each succeeds or fails on its
 * own and the answer lists every one. `onDone` gets the results (the list keeps them on screen).
 */
export function BulkRetryDialog({
  refunds: chosen,
  onClose,
  onDone,
}: {
  refunds: ReadonlyMap<string, RefundTarget>;
  onClose: () => void;
  onDone: (results: readonly BulkItemResult[]) => void;
}) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  // The selection as it was when the dialog opened (the list clears its own once the results are in).
  const [refunds] = useState(chosen);
  const describe = useDescribeRefund(refunds);
  const [retry] = useMutation(BulkRetryRefundsDocument, {
    refetchQueries: [FailedRefundsDocument],
    awaitRefetchQueries: true,
  });
  const ids = [...refunds.keys()];
  return (
    <ActionDialog
      title={t('refund.bulk.title', { n: ids.length })}
      onClose={onClose}
      maxWidth="md"
      explain={<Typography variant="body2">{t('refund.bulk.explain')}</Typography>}
      confirmLabel={t('refund.bulk.confirm', { n: ids.length })}
      onConfirm={async (reason) => {
        const input = { refundIds: ids, reason };
        const { data } = await retry({ variables: { input: { ...input, idempotencyKey: keyFor(input) } } });
        const results = data?.bulkRetryRefunds.results ?? [];
        onDone(results);
        return <BulkResults results={results} describe={describe} itemLabel={t('refund.item')} />;
      }}
    >
      <Typography variant="subtitle2" component="h3">
        {t('refund.bulk.selected', { n: ids.length })}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3, maxHeight: 200, overflow: 'auto' }}>
        {ids.map((id) => (
          <Typography component="li" variant="body2" key={id} sx={{ fontFamily: MONO }}>
            {describe(id)}
          </Typography>
        ))}
      </Box>
    </ActionDialog>
  );
}
