import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { InterceptOrderDocument, OrderDetailPageDocument } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { useIdempotencyKey } from '@/shared/idempotency';
import { OutcomeTable } from './OutcomeTable';
import { useRefetchOrderPage, type ActionTarget } from './target';

/** Intercepts the order or one sub-order (a MANUAL hold), then shows what happened to each sub-order. */
export function InterceptDialog({ target, onClose }: { target: ActionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const refetchPage = useRefetchOrderPage();
  const [intercept] = useMutation(InterceptOrderDocument, {
    refetchQueries: [OrderDetailPageDocument],
    awaitRefetchQueries: true,
  });
  return (
    <ActionDialog
      title={t(target.kind === 'order' ? 'actions.intercept.titleOrder' : 'actions.intercept.titleSubOrder', {
        number: target.number,
      })}
      onClose={onClose}
      explain={
        <>
          <Typography variant="body2">{t('actions.intercept.explain')}</Typography>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {t('actions.version', { version: target.version })}
          </Typography>
        </>
      }
      confirmLabel={t('actions.intercept.confirm')}
      onVersionConflict={refetchPage}
      onConfirm={async (reason) => {
        const input = { number: target.number, reason, expectedVersion: target.version };
        const { data } = await intercept({
          variables: { input: { ...input, idempotencyKey: keyFor(input) } },
        });
        return (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t('actions.intercept.done')}
            </Typography>
            <OutcomeTable
              results={data?.interceptOrder.results ?? []}
              group="interceptOutcome"
              label={t('actions.intercept.results')}
            />
          </>
        );
      }}
    />
  );
}
