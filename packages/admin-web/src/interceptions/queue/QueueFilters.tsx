import TextField from '@mui/material/TextField';
import type { FragmentType } from '@apollo/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarehouseFilter_WarehousesFragment } from '@/gql/graphql';
import { enumOptions, FilterBar, SelectFilter } from '@/shared/FilterFields';
import { WarehouseFilter } from '@/shared/WarehouseFilter';
import { fenToYuan, yuanToFen } from '@/shared/money';
import { INTERCEPTION_RULES, INTERCEPTION_STATUSES, withQueueFilter, type QueueState } from '../urls';

/** The queue's filters (status, rule, warehouse, minimum amount); every change goes to the URL through `onChange`. */
export function QueueFilters({
  state,
  warehouses,
  onChange,
}: {
  state: QueueState;
  warehouses: readonly FragmentType<WarehouseFilter_WarehousesFragment>[];
  onChange: (next: QueueState) => void;
}) {
  const { t } = useTranslation();
  const shownMin = state.minAmountFen === undefined ? '' : fenToYuan(state.minAmountFen);
  const [min, setMin] = useState(shownMin);
  const [editedFrom, setEditedFrom] = useState(shownMin);
  if (editedFrom !== shownMin) {
    // The URL changed under the field (back button, cleared filters): show what it says now.
    setEditedFrom(shownMin);
    setMin(shownMin);
  }
  const minFen = min.trim() === '' ? undefined : yuanToFen(min);
  const minInvalid = min.trim() !== '' && minFen === undefined;
  const commitMin = () => {
    if (!minInvalid && minFen !== state.minAmountFen)
      onChange(withQueueFilter(state, 'minAmountFen', minFen));
  };

  return (
    <FilterBar
      label={t('queue.filters.label')}
      state={state}
      onClear={() => onChange({ cursors: [] })}
      onSubmit={commitMin}
      alignItems="flex-start"
    >
      <SelectFilter
        id="queue-filter-status"
        label={t('queue.filters.status')}
        value={state.status}
        onChange={(value) => onChange(withQueueFilter(state, 'status', value))}
        options={enumOptions(t, 'interceptionStatus', INTERCEPTION_STATUSES)}
        anyLabel={t('queue.filters.statusDefault')}
        showAny
        sx={{ minWidth: 150 }}
      />
      <SelectFilter
        id="queue-filter-rule"
        label={t('queue.filters.rule')}
        value={state.rule}
        onChange={(value) => onChange(withQueueFilter(state, 'rule', value))}
        options={enumOptions(t, 'interceptionRule', INTERCEPTION_RULES)}
        showAny
        sx={{ minWidth: 160 }}
      />
      <WarehouseFilter
        warehouses={warehouses}
        id="queue-filter-warehouse"
        label={t('queue.filters.warehouse')}
        value={state.warehouse}
        onChange={(value) => onChange(withQueueFilter(state, 'warehouse', value))}
        showAny
        sx={{ minWidth: 170 }}
      />
      <TextField
        size="small"
        id="queue-filter-min"
        label={t('queue.filters.minAmount')}
        value={min}
        onChange={(e) => setMin(e.target.value)}
        onBlur={commitMin}
        error={minInvalid}
        helperText={minInvalid ? t('queue.filters.minAmountInvalid') : undefined}
        slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'queue-filter-min' } }}
        sx={{ width: 160 }}
      />
    </FilterBar>
  );
}
