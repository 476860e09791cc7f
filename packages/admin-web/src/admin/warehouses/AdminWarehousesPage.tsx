import { SectionHeader, useSectionAccess } from '../AdminLayout';
import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { FragmentType } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '@/app/PageSkeleton';
import {
  AdminWarehousesPageDocument,
  WarehouseAdminTable_WarehousesFragmentDoc,
  type WarehouseAdminTable_WarehousesFragment,
} from '@/gql/graphql';
import { ErrorState, EmptyState } from '@/shared/States';
import { useFragmentData } from '@/shared/useFragmentData';
import { usePageTitle } from '@/shared/usePageTitle';
import { useUrlState } from '@/shared/useUrlState';
import { WarehouseActiveDialog } from './active/WarehouseActiveDialog';
import { WarehouseFormDialog } from './form/WarehouseFormDialog';
import { openSubOrdersByWarehouse } from './list/openSubOrders';
import { WarehouseAdminTable } from './list/WarehouseAdminTable';
import { WarehouseStockDialog } from './stock/WarehouseStockDialog';
import { adminWarehousesUrl, parseAdminWarehousesSearch, type AdminWarehousesState } from './urls';

/** The dialog the URL asks for, once its warehouse's data is read from the cache. */
function WarehouseDialog({
  state,
  warehouse,
  onClose,
}: {
  state: Exclude<AdminWarehousesState, { dialog?: undefined } | { dialog: 'new' }>;
  warehouse: FragmentType<WarehouseAdminTable_WarehousesFragment>;
  onClose: () => void;
}) {
  const data = useFragmentData(WarehouseAdminTable_WarehousesFragmentDoc, warehouse);
  if (!data) return null;
  if (state.dialog === 'edit') return <WarehouseFormDialog warehouse={data} onClose={onClose} />;
  if (state.dialog === 'stock') return <WarehouseStockDialog warehouse={data} onClose={onClose} />;
  return <WarehouseActiveDialog warehouse={data} onClose={onClose} />;
}

/**
 * Warehouse administration (docs/console.md "Administration", admins): every warehouse with its SLA, cut-off and
 * endpoint; create, edit, take offline or bring back, set stock. The open dialog is in the URL. The page hides itself
 * from other roles (`app/navigation.ts`); the server refuses them anyway.
 */
export function AdminWarehousesPage() {
  const { t } = useTranslation();
  const access = useSectionAccess('warehouses');
  const [state, go] = useUrlState(parseAdminWarehousesSearch, adminWarehousesUrl);
  usePageTitle(t('adminWarehouses.title'));
  const { data, loading, error, refetch } = useQuery(AdminWarehousesPageDocument, {
    fetchPolicy: 'cache-and-network',
    skip: !access.allowed,
  });
  if (!access.ready) return <PageSkeleton />;
  if (!access.allowed) return <EmptyState title={t('errors.forbidden')} data-testid="forbidden" />;

  const openSubOrders = data ? openSubOrdersByWarehouse(data.warehouseLoad) : undefined;
  // Closing a dialog asks for the list again: what the dialog did (or others meanwhile) shows without a reload.
  const close = () => {
    go({});
    void refetch();
  };
  const target =
    state.dialog && state.dialog !== 'new'
      ? data?.warehouses.find((w) => w.code === state.warehouse)
      : undefined;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <SectionHeader
        title={t('adminWarehouses.title')}
        intro={t('adminWarehouses.intro')}
        action={
          <Button
            variant="contained"
            startIcon={<AddIcon aria-hidden />}
            onClick={() => go({ dialog: 'new' })}
            data-testid="admin-warehouse-create"
          >
            {t('adminWarehouses.create')}
          </Button>
        }
      />
      {error && data ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      <WarehouseAdminTable
        warehouses={data?.warehouses}
        openSubOrders={openSubOrders}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        onAction={(dialog, warehouse) => go({ dialog, warehouse: warehouse.code })}
      />
      {state.dialog === 'new' ? <WarehouseFormDialog onClose={close} /> : null}
      {state.dialog && state.dialog !== 'new' && target ? (
        <WarehouseDialog
          key={`${state.dialog}-${state.warehouse}`}
          state={state}
          warehouse={target}
          onClose={close}
        />
      ) : null}
    </Box>
  );
}
