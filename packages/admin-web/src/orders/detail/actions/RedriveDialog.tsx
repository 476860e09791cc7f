import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { OrderDetailPageDocument, RedriveDispatchDocument } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { enumLabel } from '@/shared/enumLabel';
import type { ActionTarget } from './target';

/**
 * Re-drives a sub-order whose dispatch was dead-lettered (`redriveDispatch`): its failed warehouse messages are queued
 * again in their order, with a fresh budget of tries. Nothing to choose and no reason asked (the server audits it);
 * afterwards the dispatch state the server reports, and the page reloads.
 */
export function RedriveDialog({ target, onClose }: { target: ActionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [redrive] = useMutation(RedriveDispatchDocument, {
    refetchQueries: [OrderDetailPageDocument],
    awaitRefetchQueries: true,
  });
  const warehouse = target.move?.warehouseCode ?? t('order.subOrders.noWarehouse');
  return (
    <ActionDialog
      title={t('actions.redrive.title', { number: target.number })}
      onClose={onClose}
      withReason={false}
      explain={
        <>
          <Typography variant="body2">{t('actions.redrive.explain')}</Typography>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {t('actions.redrive.warehouse', { warehouse })}
          </Typography>
          {target.dispatchError ? (
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="redrive-error">
              {t('actions.redrive.lastError', { error: target.dispatchError })}
            </Typography>
          ) : null}
        </>
      }
      confirmLabel={t('actions.redrive.confirm')}
      onConfirm={async () => {
        const { data } = await redrive({ variables: { subOrderNumber: target.number } });
        const state = data?.redriveDispatch.dispatchState;
        return (
          <Typography variant="body2">
            {t('actions.redrive.done', {
              state: state ? enumLabel(t, 'dispatchState', state) : t('common.none'),
            })}
          </Typography>
        );
      }}
    />
  );
}
