import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import {
  BulkReassignWarehouseDocument,
  LateSubOrdersDocument,
  StuckSubOrdersDocument,
  WarehouseLoadPanelDocument,
} from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { BulkResults, type BulkItemResult } from '@/shared/BulkResults';
import { useIdempotencyKey } from '@/shared/idempotency';
import type { MovingSubOrder } from './stockCheck';
import { WarehouseStockPicker } from './WarehouseStockPicker';

/**
 * Re-routes the selected sub-orders to one warehouse (`bulkReassignWarehouse`, the numbers sent as a variable): the
 * stock check first, a reason, then each sub-order's result. The lists and the load are loaded again afterwards.
 */
export function RerouteDialog({
  subOrders: chosen,
  onClose,
  onDone,
}: {
  subOrders: readonly MovingSubOrder[];
  onClose: () => void;
  onDone: (results: readonly BulkItemResult[]) => void;
}) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  // The selection as it was when the dialog opened (the page clears its own once the results are in).
  const [subOrders] = useState(chosen);
  const [warehouseCode, setWarehouseCode] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [reassign] = useMutation(BulkReassignWarehouseDocument, {
    refetchQueries: [LateSubOrdersDocument, StuckSubOrdersDocument, WarehouseLoadPanelDocument],
    awaitRefetchQueries: true,
  });
  return (
    <ActionDialog
      title={t('reroute.title', { n: subOrders.length })}
      onClose={onClose}
      maxWidth="md"
      explain={<Typography variant="body2">{t('reroute.explain')}</Typography>}
      invalid={!warehouseCode}
      onAttempt={() => setAttempted(true)}
      confirmLabel={t('reroute.confirm', { n: subOrders.length })}
      onConfirm={async (reason) => {
        const input = { subOrderNumbers: subOrders.map((s) => s.number), warehouseCode, reason };
        const { data } = await reassign({
          variables: { input: { ...input, idempotencyKey: keyFor(input) } },
        });
        const results = data?.bulkReassignWarehouse.results ?? [];
        onDone(results);
        return <BulkResults results={results} itemLabel={t('warehouses.lists.subOrder')} />;
      }}
    >
      <Typography variant="subtitle2" component="h3">
        {t('reroute.selected', { n: subOrders.length })}
      </Typography>
      <Box
        component="ul"
        sx={{ m: 0, mb: 2, pl: 3, maxHeight: 120, overflow: 'auto', fontFamily: MONO, typography: 'body2' }}
      >
        {subOrders.map((s) => (
          <li key={s.number}>
            {s.number} · {s.warehouseCode ?? t('order.subOrders.noWarehouse')}
          </li>
        ))}
      </Box>
      <WarehouseStockPicker
        subOrders={subOrders}
        value={warehouseCode}
        onChange={setWarehouseCode}
        error={attempted}
      />
    </ActionDialog>
  );
}
