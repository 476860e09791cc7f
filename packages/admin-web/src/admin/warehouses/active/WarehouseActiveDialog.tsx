import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import {
  AdminWarehousesPageDocument,
  UpsertWarehouseDocument,
  WarehouseActiveDialogDocument,
  type WarehouseAdminTable_WarehousesFragment,
} from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { warehousesUrl } from '@/warehouses/urls';
import { formOf, inputOf } from '../form/warehouseForm';
import { openSubOrdersByWarehouse } from '../list/openSubOrders';

/**
 * Takes a warehouse offline, or brings it back, with a reason for the audit log. Taking it offline says what happens
 * to the sub-orders it has (they stay until ops move them) and how many there are now (counted afresh when the dialog
 * opens: one grouped count, `warehouseLoad`); the change is the warehouse as it is with `active` turned, so its
 * endpoint and secret must be set (the API needs both).
 */
export function WarehouseActiveDialog({
  warehouse,
  onClose,
}: {
  warehouse: WarehouseAdminTable_WarehousesFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data } = useQuery(WarehouseActiveDialogDocument, { fetchPolicy: 'network-only' });
  const openSubOrders = data
    ? (openSubOrdersByWarehouse(data.warehouseLoad).get(warehouse.code) ?? 0)
    : undefined;
  const [upsert] = useMutation(UpsertWarehouseDocument, {
    refetchQueries: [AdminWarehousesPageDocument],
    awaitRefetchQueries: true,
  });
  // As it was when the dialog opened: the page behind reloads the warehouse once the change is made.
  const [goingOffline] = useState(warehouse.active);
  const names = { name: warehouse.name, code: warehouse.code };
  // The change sends the warehouse as it is: one without an endpoint or a secret must be completed first.
  const incomplete = !warehouse.endpointUrl || !warehouse.hasSecret;
  return (
    <ActionDialog
      title={
        goingOffline
          ? t('adminWarehouses.toggle.offlineTitle', names)
          : t('adminWarehouses.toggle.onlineTitle', names)
      }
      onClose={onClose}
      explain={
        <>
          <Typography variant="body2">
            {goingOffline
              ? t('adminWarehouses.toggle.offlineExplain')
              : t('adminWarehouses.toggle.onlineExplain')}
          </Typography>
          {goingOffline ? (
            <Alert
              severity={openSubOrders ? 'warning' : 'info'}
              sx={{ mt: 1.5 }}
              data-testid="warehouse-open-sub-orders"
            >
              {openSubOrders === undefined
                ? t('adminWarehouses.toggle.openLoading')
                : openSubOrders > 0
                  ? t('adminWarehouses.toggle.open', { n: openSubOrders })
                  : t('adminWarehouses.toggle.openNone')}
              {openSubOrders ? (
                <>
                  {' '}
                  <Link component={RouterLink} to={warehousesUrl()}>
                    {t('adminWarehouses.toggle.openLink')}
                  </Link>
                </>
              ) : null}
            </Alert>
          ) : null}
        </>
      }
      reasonHelp={t('adminWarehouses.toggle.reasonHelp')}
      invalid={incomplete}
      confirmLabel={
        goingOffline ? t('adminWarehouses.toggle.confirmOffline') : t('adminWarehouses.toggle.confirmOnline')
      }
      confirmColor={goingOffline ? 'error' : 'primary'}
      onConfirm={async (reason) => {
        await upsert({
          variables: { input: inputOf({ ...formOf(warehouse), active: !goingOffline }, reason) },
        });
        return (
          <Typography variant="body2">
            {goingOffline
              ? t('adminWarehouses.toggle.doneOffline', { name: warehouse.name })
              : t('adminWarehouses.toggle.doneOnline', { name: warehouse.name })}
          </Typography>
        );
      }}
    >
      {incomplete ? (
        <Alert severity="error" data-testid="warehouse-incomplete">
          {t('adminWarehouses.toggle.incomplete')}
        </Alert>
      ) : null}
    </ActionDialog>
  );
}
