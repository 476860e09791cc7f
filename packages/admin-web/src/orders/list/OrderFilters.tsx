import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { enumLabel, type EnumGroup } from '@/shared/enumLabel';
import {
  FULFILMENT_STATUSES,
  ORDER_SOURCES,
  ORDER_STATUSES,
  ORDER_TYPES,
  withFilter,
  type OrderListFilters,
  type OrderListState,
} from '../urls';

const ANY = '';

/** The list's filters; every change goes to the URL through `onChange`. */
export function OrderFilters({
  state,
  warehouses,
  onChange,
}: {
  state: OrderListState;
  warehouses: readonly { code: string; name: string }[];
  onChange: (next: OrderListState) => void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof OrderListFilters>(key: K, value: OrderListFilters[K] | undefined) =>
    onChange(withFilter(state, key, value));

  const enumSelect = <K extends 'status' | 'fulfilmentStatus' | 'source' | 'type'>(
    key: K,
    label: string,
    group: EnumGroup,
    values: readonly NonNullable<OrderListFilters[K]>[],
  ) => (
    <TextField
      select
      size="small"
      id={`filter-${key}`}
      label={label}
      value={state[key] ?? ANY}
      onChange={(e) => set(key, (e.target.value || undefined) as OrderListFilters[K] | undefined)}
      sx={{ minWidth: key === 'fulfilmentStatus' ? 190 : 150 }}
    >
      <MenuItem value={ANY}>{t('common.any')}</MenuItem>
      {values.map((value) => (
        <MenuItem key={value} value={value}>
          {enumLabel(t, group, value)}
        </MenuItem>
      ))}
    </TextField>
  );

  const hasFilter = Object.keys(state).some((key) => key !== 'cursors');

  return (
    <Box
      component="form"
      role="search"
      aria-label={t('orders.filters.label')}
      onSubmit={(e) => e.preventDefault()}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center', mb: 2 }}
    >
      {enumSelect('status', t('orders.filters.status'), 'orderStatus', ORDER_STATUSES)}
      {enumSelect(
        'fulfilmentStatus',
        t('orders.filters.fulfilmentStatus'),
        'fulfilmentStatus',
        FULFILMENT_STATUSES,
      )}
      <TextField
        select
        size="small"
        id="filter-warehouse"
        label={t('orders.filters.warehouse')}
        value={state.warehouse ?? ANY}
        onChange={(e) => set('warehouse', e.target.value || undefined)}
        sx={{ minWidth: 170 }}
      >
        <MenuItem value={ANY}>{t('common.any')}</MenuItem>
        {state.warehouse && !warehouses.some((w) => w.code === state.warehouse) ? (
          <MenuItem value={state.warehouse}>{state.warehouse}</MenuItem>
        ) : null}
        {warehouses.map((w) => (
          <MenuItem key={w.code} value={w.code}>
            {w.name} ({w.code})
          </MenuItem>
        ))}
      </TextField>
      {enumSelect('source', t('orders.filters.source'), 'orderSource', ORDER_SOURCES)}
      {enumSelect('type', t('orders.filters.type'), 'orderType', ORDER_TYPES)}
      <TextField
        select
        size="small"
        id="filter-held"
        label={t('orders.filters.held')}
        value={state.held === undefined ? ANY : String(state.held)}
        onChange={(e) => set('held', e.target.value === ANY ? undefined : e.target.value === 'true')}
        sx={{ minWidth: 110 }}
      >
        <MenuItem value={ANY}>{t('common.any')}</MenuItem>
        <MenuItem value="true">{t('orders.filters.heldYes')}</MenuItem>
        <MenuItem value="false">{t('orders.filters.heldNo')}</MenuItem>
      </TextField>
      <TextField
        type="date"
        size="small"
        id="filter-from"
        label={t('orders.filters.createdFrom')}
        value={state.createdFrom ?? ''}
        onChange={(e) => set('createdFrom', e.target.value || undefined)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: state.createdTo } }}
      />
      <TextField
        type="date"
        size="small"
        id="filter-to"
        label={t('orders.filters.createdTo')}
        value={state.createdTo ?? ''}
        onChange={(e) => set('createdTo', e.target.value || undefined)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: state.createdFrom } }}
      />
      <Button onClick={() => onChange({ cursors: [] })} disabled={!hasFilter}>
        {t('orders.filters.clear')}
      </Button>
    </Box>
  );
}
