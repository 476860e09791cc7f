import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderDetailPageDocument, ReassignWarehouseDocument } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { useIdempotencyKey } from '@/shared/idempotency';
import { WarehouseStockPicker } from '@/warehouses/reroute/WarehouseStockPicker';
import { useRefetchOrderPage, type ActionTarget } from './target';

/** Moves one sub-order to another warehouse, showing first whether the target has stock for each of its lines. */
export function ReassignDialog({ target, onClose }: { target: ActionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const refetchPage = useRefetchOrderPage();
  const [warehouseCode, setWarehouseCode] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [reassign] = useMutation(ReassignWarehouseDocument, {
    refetchQueries: [OrderDetailPageDocument],
    awaitRefetchQueries: true,
  });
  const move = target.move ?? { warehouseCode: null, lines: [] };
  return (
    <ActionDialog
      title={t('actions.reassign.title', { number: target.number })}
      onClose={onClose}
      maxWidth="md"
      explain={
        <>
          <Typography variant="body2">{t('actions.reassign.explain')}</Typography>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {t('actions.reassign.from', {
              warehouse: move.warehouseCode ?? t('order.subOrders.noWarehouse'),
            })}
            {' · '}
            {t('actions.version', { version: target.version })}
          </Typography>
        </>
      }
      invalid={!warehouseCode}
      onAttempt={() => setAttempted(true)}
      confirmLabel={t('actions.reassign.confirm')}
      onVersionConflict={refetchPage}
      onConfirm={async (reason) => {
        const input = {
          subOrderNumber: target.number,
          warehouseCode,
          reason,
          expectedVersion: target.version,
        };
        const { data } = await reassign({
          variables: { input: { ...input, idempotencyKey: keyFor(input) } },
        });
        const now = data?.reassignWarehouse.subOrder.warehouse;
        return (
          <Typography variant="body2">
            {t('actions.reassign.done', {
              number: target.number,
              warehouse: now ? `${now.name} (${now.code})` : warehouseCode,
            })}
          </Typography>
        );
      }}
    >
      <WarehouseStockPicker
        subOrders={[{ number: target.number, warehouseCode: move.warehouseCode, lines: move.lines }]}
        value={warehouseCode}
        onChange={setWarehouseCode}
        error={attempted}
      />
    </ActionDialog>
  );
}
