import { describe, expect, it } from 'vitest';
import { adminWarehousesUrl, parseAdminWarehousesSearch, type AdminWarehousesState } from './urls';

describe('warehouse administration URL state', () => {
  it('round-trips every dialog with its warehouse', () => {
    const states: AdminWarehousesState[] = [
      {},
      { dialog: 'new' },
      { dialog: 'edit', warehouse: 'XA01' },
      { dialog: 'stock', warehouse: 'M-1&2' },
      { dialog: 'active', warehouse: 'BJ01' },
    ];
    for (const state of states) {
      const url = adminWarehousesUrl(state);
      expect(parseAdminWarehousesSearch(url.split('?')[1] ?? '')).toEqual(state);
    }
    expect(adminWarehousesUrl({ dialog: 'stock', warehouse: 'BJ01' })).toBe(
      '/admin/warehouses?dialog=stock&warehouse=BJ01',
    );
  });

  it('opens nothing for an unknown dialog or one without its warehouse', () => {
    expect(parseAdminWarehousesSearch('dialog=delete&warehouse=BJ01')).toEqual({});
    expect(parseAdminWarehousesSearch('dialog=edit')).toEqual({});
    expect(parseAdminWarehousesSearch('dialog=stock&warehouse=%20')).toEqual({});
  });
});
