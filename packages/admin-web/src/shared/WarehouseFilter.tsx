import type { SxProps, Theme } from '@mui/material/styles';
import type { FragmentType } from '@apollo/client';
import {
  WarehouseFilter_WarehousesFragmentDoc,
  type WarehouseFilter_WarehousesFragment,
} from '@/gql/graphql';
import { SelectFilter, type FilterOption } from './FilterFields';
import { useFragmentList } from './useFragmentData';

/**
 * The choices of a warehouse filter: each warehouse as "name (code)". A code the list does not know (pasted in a
 * link, or a warehouse since taken away) comes first as it is, so the field still shows what the list is filtered by.
 */
export function warehouseOptions(
  warehouses: readonly { code: string; name: string }[],
  current: string | undefined,
): FilterOption[] {
  const known = warehouses.map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }));
  return current && !warehouses.some((w) => w.code === current)
    ? [{ value: current, label: current }, ...known]
    : known;
}

/** A list's warehouse filter (a warehouse code, or any), offering the warehouses its page's query read. */
export function WarehouseFilter({
  warehouses: refs,
  id,
  label,
  value,
  onChange,
  showAny,
  sx,
}: {
  warehouses: readonly FragmentType<WarehouseFilter_WarehousesFragment>[];
  id: string;
  label: string;
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  showAny?: boolean;
  sx?: SxProps<Theme>;
}) {
  const warehouses = useFragmentList(WarehouseFilter_WarehousesFragmentDoc, refs) ?? [];
  return (
    <SelectFilter
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      options={warehouseOptions(warehouses, value)}
      showAny={showAny}
      sx={sx}
    />
  );
}
