import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import type { SxProps, Theme } from '@mui/material/styles';
import TextField from '@mui/material/TextField';
import type { TFunction } from 'i18next';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CursorStack } from './cursors';
import { enumLabel, type EnumGroup } from './enumLabel';

/** One choice of a filter's select. */
export interface FilterOption<V extends string = string> {
  readonly value: V;
  readonly label: string;
}

/** Whether a list's URL state filters anything (anything besides its paging). */
export function hasFilter(state: CursorStack): boolean {
  return Object.keys(state).some((key) => key !== 'cursors');
}

/** The choices of an enum filter, in the enum's order, in the current language. */
export function enumOptions<V extends string>(
  t: TFunction,
  group: EnumGroup,
  values: readonly V[],
): FilterOption<V>[] {
  return values.map((value) => ({ value, label: enumLabel(t, group, value) }));
}

/**
 * A filter's select: "any" (no filter: undefined) first, then the choices. `showAny` writes "any" in the field when
 * nothing is chosen, its label kept above it.
 */
export function SelectFilter<V extends string>({
  id,
  label,
  value,
  onChange,
  options,
  anyLabel,
  showAny = false,
  sx,
}: {
  id: string;
  label: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: readonly FilterOption<V>[];
  /** the words for no filter; "any" unless said */
  anyLabel?: string;
  showAny?: boolean;
  sx?: SxProps<Theme>;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size="small"
      id={id}
      label={label}
      value={value ?? ''}
      onChange={(e) => onChange((e.target.value || undefined) as V | undefined)}
      sx={sx}
      slotProps={showAny ? { select: { displayEmpty: true }, inputLabel: { shrink: true } } : undefined}
    >
      <MenuItem value="">{anyLabel ?? t('common.any')}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** A day field (`yyyy-mm-dd`), its label always above it; `min` / `max` keep the two ends of a range in order. */
export function DayField({
  id,
  label,
  value,
  onChange,
  min,
  max,
}: {
  id: string;
  label: string;
  value: string;
  /** the day typed or picked, '' when cleared */
  onChange: (day: string) => void;
  min?: string;
  max?: string;
}) {
  return (
    <TextField
      type="date"
      size="small"
      id={id}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { min, max } }}
    />
  );
}

/**
 * A list's filter bar: a search form of fields in a wrapping row, ending with "clear filters" (enabled while the
 * state filters anything), which `onClear` answers by going back to the unfiltered first page.
 */
export function FilterBar({
  label,
  state,
  onClear,
  onSubmit,
  alignItems,
  children,
}: {
  label: string;
  state: CursorStack;
  onClear: () => void;
  /** what pressing Enter in a field does besides staying on the page */
  onSubmit?: () => void;
  alignItems: 'center' | 'flex-start';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box
      component="form"
      role="search"
      aria-label={label}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit?.();
      }}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems, mb: 2 }}
    >
      {children}
      <Button onClick={onClear} disabled={!hasFilter(state)}>
        {t('orders.filters.clear')}
      </Button>
    </Box>
  );
}
