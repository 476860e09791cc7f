import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { BulkDecideInterceptionsDocument, InterceptionQueueDocument } from '@/gql/graphql';
import type { InterceptionDecision, InterceptionRule } from '@/gql/schema';
import { ActionDialog } from '@/shared/ActionDialog';
import { BulkResults, type BulkItemResult } from '@/shared/BulkResults';
import { enumLabel } from '@/shared/enumLabel';
import { useIdempotencyKey } from '@/shared/idempotency';

/** A selected hold, as the queue shows it. */
export interface SelectedHold {
  readonly id: string;
  readonly orderNumber: string;
  readonly subOrderNumber: string | null;
  readonly rule: InterceptionRule;
}

/** How a hold is named in lists: its order (and sub-order) and rule. */
export function useDescribeHold(holds: ReadonlyMap<string, SelectedHold>): (id: string) => string {
  const { t } = useTranslation();
  return (id) => {
    const hold = holds.get(id);
    if (!hold) return id;
    const where = hold.subOrderNumber ? `${hold.orderNumber} / ${hold.subOrderNumber}` : hold.orderNumber;
    return `${where} · ${enumLabel(t, 'interceptionRule', hold.rule)}`;
  };
}

/**
 * Releases the selected holds, or cancels their orders, in one call (`bulkDecideInterceptions`): each item succeeds
 * or fails on its own, and the answer lists every one. `onDone` gets the results (the queue keeps them on screen).
 */
export function BulkDecideDialog({
  decision,
  holds: chosen,
  onClose,
  onDone,
}: {
  decision: InterceptionDecision;
  holds: ReadonlyMap<string, SelectedHold>;
  onClose: () => void;
  onDone: (results: readonly BulkItemResult[]) => void;
}) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  // The selection as it was when the dialog opened (the queue clears its own once the results are in).
  const [holds] = useState(chosen);
  const describe = useDescribeHold(holds);
  const [decide] = useMutation(BulkDecideInterceptionsDocument, {
    refetchQueries: [InterceptionQueueDocument],
    awaitRefetchQueries: true,
  });
  const ids = [...holds.keys()];
  const release = decision === 'RELEASE';
  return (
    <ActionDialog
      title={t(release ? 'queue.bulk.releaseTitle' : 'queue.bulk.cancelTitle', { n: ids.length })}
      onClose={onClose}
      maxWidth="md"
      confirmColor={release ? 'primary' : 'error'}
      explain={
        <Typography variant="body2">
          {t(release ? 'queue.bulk.releaseExplain' : 'queue.bulk.cancelExplain')}
        </Typography>
      }
      confirmLabel={t(release ? 'queue.bulk.releaseConfirm' : 'queue.bulk.cancelConfirm', { n: ids.length })}
      onConfirm={async (reason) => {
        const input = { interceptionIds: ids, decision, reason };
        const { data } = await decide({ variables: { input: { ...input, idempotencyKey: keyFor(input) } } });
        const results = data?.bulkDecideInterceptions.results ?? [];
        onDone(results);
        return <BulkResults results={results} describe={describe} itemLabel={t('queue.bulk.item')} />;
      }}
    >
      <Typography variant="subtitle2" component="h3">
        {t('queue.bulk.selected', { n: ids.length })}
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
