import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '@/shared/enumLabel';
import { fenToYuan, yuanToFen } from '@/shared/money';
import { INTERCEPTION_RULES, INTERCEPTION_STATUSES, withQueueFilter, type QueueState } from '../urls';

const ANY = '';

/** The queue's filters (status, rule, warehouse, minimum amount); every change goes to the URL through `onChange`. */
export function QueueFilters({
  state,
  warehouses,
  onChange,
}: {
  state: QueueState;
  warehouses: readonly { code: string; name: string }[];
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
  const hasFilter = Object.keys(state).some((key) => key !== 'cursors');

  return (
    <Box
      component="form"
      role="search"
      aria-label={t('queue.filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        commitMin();
      }}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start', mb: 2 }}
    >
      <TextField
        select
        size="small"
        id="queue-filter-status"
        label={t('queue.filters.status')}
        value={state.status ?? ANY}
        onChange={(e) =>
          onChange(withQueueFilter(state, 'status', (e.target.value || undefined) as QueueState['status']))
        }
        sx={{ minWidth: 150 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value={ANY}>{t('queue.filters.statusDefault')}</MenuItem>
        {INTERCEPTION_STATUSES.map((s) => (
          <MenuItem key={s} value={s}>
            {enumLabel(t, 'interceptionStatus', s)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        id="queue-filter-rule"
        label={t('queue.filters.rule')}
        value={state.rule ?? ANY}
        onChange={(e) =>
          onChange(withQueueFilter(state, 'rule', (e.target.value || undefined) as QueueState['rule']))
        }
        sx={{ minWidth: 160 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value={ANY}>{t('common.any')}</MenuItem>
        {INTERCEPTION_RULES.map((r) => (
          <MenuItem key={r} value={r}>
            {enumLabel(t, 'interceptionRule', r)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        id="queue-filter-warehouse"
        label={t('queue.filters.warehouse')}
        value={state.warehouse ?? ANY}
        onChange={(e) => onChange(withQueueFilter(state, 'warehouse', e.target.value || undefined))}
        sx={{ minWidth: 170 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
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
      <Button onClick={() => onChange({ cursors: [] })} disabled={!hasFilter}>
        {t('orders.filters.clear')}
      </Button>
    </Box>
  );
}
