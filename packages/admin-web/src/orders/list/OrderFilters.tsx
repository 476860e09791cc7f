import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import type { WarehouseFilter_WarehousesFragment } from '@/gql/graphql';
import { DayField, enumOptions, FilterBar, SelectFilter } from '@/shared/FilterFields';
import { WarehouseFilter } from '@/shared/WarehouseFilter';
import {
  FULFILMENT_STATUSES,
  ORDER_SOURCES,
  ORDER_STATUSES,
  ORDER_TYPES,
  withFilter,
  type OrderListFilters,
  type OrderListState,
} from '../urls';

/** The list's filters; every change goes to the URL through `onChange`. */
export function OrderFilters({
  state,
  warehouses,
  onChange,
}: {
  state: OrderListState;
  warehouses: readonly FragmentType<WarehouseFilter_WarehousesFragment>[];
  onChange: (next: OrderListState) => void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof OrderListFilters>(key: K, value: OrderListFilters[K] | undefined) =>
    onChange(withFilter(state, key, value));

  return (
    <FilterBar
      label={t('orders.filters.label')}
      state={state}
      onClear={() => onChange({ cursors: [] })}
      alignItems="center"
    >
      <SelectFilter
        id="filter-status"
        label={t('orders.filters.status')}
        value={state.status}
        onChange={(value) => set('status', value)}
        options={enumOptions(t, 'orderStatus', ORDER_STATUSES)}
        sx={{ minWidth: 150 }}
      />
      <SelectFilter
        id="filter-fulfilmentStatus"
        label={t('orders.filters.fulfilmentStatus')}
        value={state.fulfilmentStatus}
        onChange={(value) => set('fulfilmentStatus', value)}
        options={enumOptions(t, 'fulfilmentStatus', FULFILMENT_STATUSES)}
        sx={{ minWidth: 190 }}
      />
      <WarehouseFilter
        warehouses={warehouses}
        id="filter-warehouse"
        label={t('orders.filters.warehouse')}
        value={state.warehouse}
        onChange={(value) => set('warehouse', value)}
        sx={{ minWidth: 170 }}
      />
      <SelectFilter
        id="filter-source"
        label={t('orders.filters.source')}
        value={state.source}
        onChange={(value) => set('source', value)}
        options={enumOptions(t, 'orderSource', ORDER_SOURCES)}
        sx={{ minWidth: 150 }}
      />
      <SelectFilter
        id="filter-type"
        label={t('orders.filters.type')}
        value={state.type}
        onChange={(value) => set('type', value)}
        options={enumOptions(t, 'orderType', ORDER_TYPES)}
        sx={{ minWidth: 150 }}
      />
      <SelectFilter
        id="filter-held"
        label={t('orders.filters.held')}
        value={state.held === undefined ? undefined : state.held ? 'true' : 'false'}
        onChange={(value) => set('held', value === undefined ? undefined : value === 'true')}
        options={[
          { value: 'true', label: t('orders.filters.heldYes') },
          { value: 'false', label: t('orders.filters.heldNo') },
        ]}
        sx={{ minWidth: 110 }}
      />
      <DayField
        id="filter-from"
        label={t('orders.filters.createdFrom')}
        value={state.createdFrom ?? ''}
        onChange={(day) => set('createdFrom', day || undefined)}
        max={state.createdTo}
      />
      <DayField
        id="filter-to"
        label={t('orders.filters.createdTo')}
        value={state.createdTo ?? ''}
        onChange={(day) => set('createdTo', day || undefined)}
        min={state.createdFrom}
      />
    </FilterBar>
  );
}
