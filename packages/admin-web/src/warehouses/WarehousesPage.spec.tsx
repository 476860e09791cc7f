import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AppShellDocument,
  BulkReassignWarehouseDocument,
  LateSubOrdersDocument,
  StuckSubOrdersDocument,
  WarehouseLoadPanelDocument,
  WarehouseStockPickerDocument,
  WarehouseTimingsDocument,
} from '@/gql/graphql';
import type { StaffRole } from '@/gql/schema';
import { renderPage } from '@/testing/render';
import { WarehousesPage } from './WarehousesPage';

afterEach(cleanup);

const me = (role: StaffRole) => ({
  request: { query: AppShellDocument },
  result: {
    data: { me: { __typename: 'Staff' as const, id: '2', username: 'ops', displayName: '运营小李', role } },
  },
});

const warehouse = (id: string, code: string, name: string) => ({
  __typename: 'Warehouse' as const,
  id,
  code,
  name,
});
const SH = warehouse('w1', 'SH01', '上海一号仓');
const BJ = warehouse('w2', 'BJ01', '北京一号仓');

const load = {
  request: { query: WarehouseLoadPanelDocument },
  result: {
    data: {
      warehouses: [
        { ...SH, active: true },
        { ...BJ, active: true },
      ],
      warehouseLoad: [
        {
          __typename: 'WarehouseLoad' as const,
          warehouseCode: 'SH01',
          status: 'ACCEPTED' as const,
          count: 7,
          late: 2,
        },
        {
          __typename: 'WarehouseLoad' as const,
          warehouseCode: 'SH01',
          status: 'PICKING' as const,
          count: 3,
          late: 0,
        },
      ],
    },
  },
};

const subOrder = (number: string, lateMinutes: number | null) => ({
  __typename: 'SubOrder' as const,
  id: `id-${number}`,
  number,
  status: 'ACCEPTED' as const,
  dispatchState: 'ACKNOWLEDGED' as const,
  held: false,
  outOfStock: false,
  lateMinutes,
  createdAt: '2024-03-01T01:00:00Z',
  dispatchedAt: '2024-03-01T01:01:00Z',
  order: { __typename: 'Order' as const, id: `o-${number}`, number: '2403011234567890' },
  warehouse: SH,
  lines: [
    {
      __typename: 'OrderLine' as const,
      id: `l-${number}`,
      sku: 'SKU-1',
      title: '保温杯',
      quantity: 2,
      attributes: [],
    },
  ],
});

const connection = (nodes: ReturnType<typeof subOrder>[]) => ({
  __typename: 'SubOrderConnection' as const,
  edges: nodes.map((node) => ({ __typename: 'SubOrderEdge' as const, cursor: node.id, node })),
  pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
});

const late = (nodes: ReturnType<typeof subOrder>[]) => ({
  request: { query: LateSubOrdersDocument, variables: { warehouseCode: null, after: null } },
  result: { data: { warehouses: [SH, BJ], lateSubOrders: connection(nodes) } },
});

const stuck = {
  request: { query: StuckSubOrdersDocument, variables: () => true },
  result: { data: { subOrders: connection([]) } },
  maxUsageCount: 10,
};

const timings = {
  request: { query: WarehouseTimingsDocument, variables: () => true },
  result: {
    data: {
      warehouseTimings: [
        {
          __typename: 'StateTiming' as const,
          warehouseCode: 'SH01',
          day: '2024-03-01',
          status: 'ACCEPTED',
          count: 12,
          p50Seconds: 600,
          p90Seconds: 7800,
        },
      ],
    },
  },
};

const stockPicker = {
  request: { query: WarehouseStockPickerDocument },
  result: {
    data: {
      warehouses: [
        {
          ...SH,
          active: true,
          capabilities: [],
          stock: [{ __typename: 'StockLevel' as const, sku: 'SKU-1', available: 100 }],
        },
        {
          ...BJ,
          active: true,
          capabilities: ['COLD_CHAIN' as const],
          stock: [{ __typename: 'StockLevel' as const, sku: 'SKU-1', available: 3 }],
        },
      ],
    },
  },
};

const LATE_A = subOrder('5403011234567891', 130);
const LATE_B = subOrder('5403011234567892', 45);

describe('the warehouses page', () => {
  it('shows each warehouse’s load, how late sub-orders are, and time in state', async () => {
    renderPage(<WarehousesPage />, {
      path: '/warehouses',
      url: '/warehouses',
      mocks: [me('OPS'), load, late([LATE_A, LATE_B]), stuck, timings],
    });
    const table = await screen.findByTestId('warehouses-load');
    const rows = within(table).getAllByTestId('load-row');
    expect(rows.map((r) => r.getAttribute('data-warehouse'))).toEqual(['SH01', 'BJ01']);
    expect(rows[0]!.textContent).toContain('7（超时 2）');
    const lateRows = await screen.findAllByTestId('late-row');
    expect(lateRows.map((r) => within(r).getByTestId('late-by').textContent)).toEqual([
      '2 小时 10 分钟',
      '45 分钟',
    ]);
    expect(await screen.findByTestId('out-of-stock-table')).toBeTruthy();
    expect((await screen.findByTestId('timings-table')).textContent).toContain('10 分钟 / 2 小时 10 分钟');
  });

  it('re-routes the selected sub-orders after showing the target’s stock, then lists each result', async () => {
    const reason = '上海仓爆仓';
    renderPage(<WarehousesPage />, {
      path: '/warehouses',
      url: '/warehouses',
      mocks: [
        me('OPS'),
        load,
        late([LATE_A, LATE_B]),
        stuck,
        timings,
        stockPicker,
        {
          request: {
            query: BulkReassignWarehouseDocument,
            variables: (v: { input: Record<string, unknown> }) =>
              JSON.stringify(v.input.subOrderNumbers) === JSON.stringify([LATE_A.number, LATE_B.number]) &&
              v.input.warehouseCode === 'BJ01' &&
              v.input.reason === reason,
          },
          result: {
            data: {
              bulkReassignWarehouse: {
                __typename: 'BulkPayload',
                results: [
                  { __typename: 'BulkItemResult', id: LATE_A.number, ok: true, error: null },
                  {
                    __typename: 'BulkItemResult',
                    id: LATE_B.number,
                    ok: false,
                    error: {
                      __typename: 'BulkItemError',
                      code: 'INSUFFICIENT_STOCK',
                      message: `BJ01 does not have stock for every line of ${LATE_B.number}.`,
                    },
                  },
                ],
              },
            },
          },
        },
        late([LATE_B]),
        load,
      ],
    });
    await screen.findAllByTestId('late-row');
    expect(screen.getByTestId('reroute-button')).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: '选择「超时子单」本页全部子单' }));
    expect(screen.getByTestId('reroute-selected').textContent).toBe('已选 2 个子单');
    fireEvent.click(screen.getByTestId('reroute-button'));
    const dialog = await screen.findByRole('dialog');
    const select = (await within(dialog).findByTestId('reassign-warehouse')) as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect([...select.options].map((o) => [o.value, o.textContent, o.disabled])).toEqual([
      ['', '请选择仓库', true],
      ['SH01', '上海一号仓（SH01）· 当前仓库', true],
      ['BJ01', '北京一号仓（BJ01）· 库存不足', false],
    ]);
    fireEvent.change(select, { target: { value: 'BJ01' } });
    const check = within(dialog).getByTestId('stock-check');
    expect(within(check).getByTestId('stock-line').textContent).toBe('SKU-1保温杯43不足');
    expect(within(check).getByTestId('stock-verdict').textContent).toContain('2 个子单可能失败');

    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: reason } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    const results = await within(dialog).findByTestId('bulk-results');
    const items = within(results).getAllByTestId('bulk-result');
    expect(items.map((i) => i.getAttribute('data-ok'))).toEqual(['true', 'false']);
    expect(items[1]!.textContent).toContain('INSUFFICIENT_STOCK');
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.getAllByTestId('late-row')).toHaveLength(1));
    expect(screen.getByTestId('bulk-results')).toBeTruthy();
  });

  it('tells a role without warehouse figures that the page is not for it', async () => {
    renderPage(<WarehousesPage />, { path: '/warehouses', url: '/warehouses', mocks: [me('AGENT')] });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
