import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayField, enumOptions, FilterBar, SelectFilter } from '@/shared/FilterFields';
import { AUDIT_ACTIONS, withAuditFilter, type AuditState } from './urls';

/**
 * A text filter that applies when left or on Enter (not at every key: each change is a new URL and a new query), and
 * follows the URL when it changes under it (back button, cleared filters, a click on a username).
 */
function useCommittedText(shown: string | undefined, commit: (value: string | undefined) => void) {
  const [value, setValue] = useState(shown ?? '');
  const [editedFrom, setEditedFrom] = useState(shown ?? '');
  if (editedFrom !== (shown ?? '')) {
    setEditedFrom(shown ?? '');
    setValue(shown ?? '');
  }
  const apply = () => {
    const next = value.trim() || undefined;
    if (next !== shown) commit(next);
  };
  return { value, setValue, apply };
}

/** The audit log's filters (who, order, action, days); every change goes to the URL through `onChange`. */
export function AuditFilters({
  state,
  onChange,
}: {
  state: AuditState;
  onChange: (next: AuditState) => void;
}) {
  const { t } = useTranslation();
  const staff = useCommittedText(state.staff, (value) => onChange(withAuditFilter(state, 'staff', value)));
  const order = useCommittedText(state.order, (value) => onChange(withAuditFilter(state, 'order', value)));
  return (
    <FilterBar
      label={t('auditLog.filters.label')}
      state={state}
      onClear={() => onChange({ cursors: [] })}
      onSubmit={() => {
        // Enter in either field applies both, as one new URL.
        const next = { ...state };
        const typedStaff = staff.value.trim() || undefined;
        const typedOrder = order.value.trim() || undefined;
        if (typedStaff === state.staff && typedOrder === state.order) return;
        onChange(withAuditFilter(withAuditFilter(next, 'staff', typedStaff), 'order', typedOrder));
      }}
      alignItems="center"
    >
      <TextField
        size="small"
        id="audit-filter-staff"
        label={t('auditLog.filters.staff')}
        value={staff.value}
        onChange={(e) => staff.setValue(e.target.value)}
        onBlur={staff.apply}
        slotProps={{ htmlInput: { 'data-testid': 'audit-filter-staff', spellCheck: false } }}
        sx={{ width: 180 }}
      />
      <TextField
        size="small"
        id="audit-filter-order"
        label={t('auditLog.filters.order')}
        value={order.value}
        onChange={(e) => order.setValue(e.target.value)}
        onBlur={order.apply}
        slotProps={{
          htmlInput: { 'data-testid': 'audit-filter-order', inputMode: 'numeric', spellCheck: false },
        }}
        sx={{ width: 200 }}
      />
      <SelectFilter
        id="audit-filter-action"
        label={t('auditLog.filters.action')}
        value={state.action}
        onChange={(value) => onChange(withAuditFilter(state, 'action', value))}
        options={enumOptions(t, 'auditAction', AUDIT_ACTIONS)}
        showAny
        sx={{ minWidth: 180 }}
      />
      <DayField
        id="audit-filter-from"
        label={t('auditLog.filters.from')}
        value={state.from ?? ''}
        onChange={(day) => onChange(withAuditFilter(state, 'from', day || undefined))}
        max={state.to}
      />
      <DayField
        id="audit-filter-to"
        label={t('auditLog.filters.to')}
        value={state.to ?? ''}
        onChange={(day) => onChange(withAuditFilter(state, 'to', day || undefined))}
        min={state.from}
      />
      {/* A form of several text fields submits on Enter only with a submit button. */}
      <Button type="submit" variant="outlined" data-testid="audit-filter-apply">
        {t('auditLog.filters.apply')}
      </Button>
    </FilterBar>
  );
}
