/** The dialogs of the warehouse administration page; each but `new` concerns one warehouse. */
export const WAREHOUSE_DIALOGS = ['new', 'edit', 'stock', 'active'] as const;
/** One of them. */
export type WarehouseDialog = (typeof WAREHOUSE_DIALOGS)[number];

/**
 * The page's state, in the URL so a link can open a warehouse's form or stock straight away (e.g. pasted into a
 * ticket: "set the stock of BJ01"): the open dialog and the warehouse it is for.
 */
export type AdminWarehousesState =
  | { readonly dialog?: undefined }
  | { readonly dialog: 'new' }
  | { readonly dialog: Exclude<WarehouseDialog, 'new'>; readonly warehouse: string };

function isDialog(value: string | null): value is WarehouseDialog {
  return (WAREHOUSE_DIALOGS as readonly (string | null)[]).includes(value);
}

/** Reads the state from a query string; an unknown dialog, or one without its warehouse, is no dialog. */
export function parseAdminWarehousesSearch(search: string | URLSearchParams): AdminWarehousesState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const dialog = params.get('dialog');
  const warehouse = params.get('warehouse')?.trim();
  if (!isDialog(dialog)) return {};
  if (dialog === 'new') return { dialog };
  return warehouse ? { dialog, warehouse } : {};
}

/** The path of the page showing `state`. */
export function adminWarehousesUrl(state: AdminWarehousesState = {}): string {
  if (!state.dialog) return '/admin/warehouses';
  const params = new URLSearchParams({ dialog: state.dialog });
  if (state.dialog !== 'new') params.set('warehouse', state.warehouse);
  return `/admin/warehouses?${params.toString()}`;
}
