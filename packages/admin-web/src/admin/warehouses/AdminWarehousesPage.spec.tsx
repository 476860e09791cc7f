import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AdminWarehousesPageDocument,
  AppShellDocument,
  SetStockDocument,
  UpsertWarehouseDocument,
  WarehouseActiveDialogDocument,
  WarehouseStockDialogDocument,
} from '@/gql/graphql';
import type { StaffRole, UpsertWarehouseInput } from '@/gql/schema';
import { renderPage } from '@/testing/render';
import { AdminWarehousesPage } from './AdminWarehousesPage';

afterEach(cleanup);

const me = (role: StaffRole) => ({
  request: { query: AppShellDocument },
  result: {
    data: { me: { __typename: 'Staff' as const, id: '4', username: 'admin', displayName: '管理员', role } },
  },
});

const warehouse = (code: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Warehouse' as const,
  id: `w-${code}`,
  code,
  name: `${code} 仓`,
  region: 'NORTH' as const,
  province: '北京市',
  city: '北京市',
  address: '亦庄 18 号',
  branch: '华北分公司',
  active: true,
  capabilities: ['COLD_CHAIN' as const],
  slaAcceptMinutes: 30,
  cutoffLocalTime: '11:00',
  endpointUrl: `https://wms.example.com/${code.toLowerCase()}`,
  hasSecret: true,
  ...extra,
});

const BJ01 = warehouse('BJ01');
const XA01 = warehouse('XA01', {
  name: '西安仓',
  region: 'NORTHWEST',
  province: '陕西省',
  city: '西安市',
  active: false,
  capabilities: [],
  slaAcceptMinutes: 45,
  cutoffLocalTime: '17:30',
  endpointUrl: null,
  hasSecret: false,
});

const load = (accepted: number) => [
  {
    __typename: 'WarehouseLoad' as const,
    warehouseCode: 'BJ01',
    status: 'ACCEPTED' as const,
    count: accepted,
  },
  { __typename: 'WarehouseLoad' as const, warehouseCode: 'BJ01', status: 'PACKED' as const, count: 1 },
  { __typename: 'WarehouseLoad' as const, warehouseCode: 'BJ01', status: 'SHIPPED' as const, count: 9 },
];

const page = (warehouses: ReturnType<typeof warehouse>[]) => ({
  request: { query: AdminWarehousesPageDocument },
  result: { data: { warehouses, warehouseLoad: load(2) } },
  maxUsageCount: 5,
});

/** The offline dialog counts afresh: by then one more sub-order was accepted at BJ01. */
const loadNow = {
  request: { query: WarehouseActiveDialogDocument },
  result: { data: { warehouseLoad: load(3) } },
};

function open(role: StaffRole, url: string, mocks: Parameters<typeof renderPage>[1]['mocks'] = []) {
  return renderPage(<AdminWarehousesPage />, {
    path: '/admin/warehouses',
    url,
    mocks: [me(role), page([BJ01, XA01]), ...mocks!],
  });
}

const upserted = (input: Partial<UpsertWarehouseInput>, result: Record<string, unknown>) => ({
  request: {
    query: UpsertWarehouseDocument,
    variables: (v: { input: UpsertWarehouseInput }) =>
      Object.entries(input).every(
        ([key, value]) =>
          JSON.stringify(v.input[key as keyof UpsertWarehouseInput]) === JSON.stringify(value),
      ),
  },
  result: { data: { upsertWarehouse: result } },
});

const type = (scope: HTMLElement, testId: string, value: string) =>
  fireEvent.change(within(scope).getByTestId(testId), { target: { value } });

describe('the warehouse administration page', () => {
  it('is for admins alone', async () => {
    renderPage(<AdminWarehousesPage />, {
      path: '/admin/warehouses',
      url: '/admin/warehouses',
      mocks: [me('MANAGER')],
    });
    expect((await screen.findByTestId('forbidden')).textContent).toBe(
      '您的角色无权查看此内容，如需访问请联系主管。',
    );
  });

  it('lists every warehouse: active or offline, region, SLA, cut-off, endpoint and its open sub-orders', async () => {
    open('ADMIN', '/admin/warehouses');
    const rows = await screen.findAllByTestId('admin-warehouse-row');
    expect(rows.map((r) => r.getAttribute('data-code'))).toEqual(['BJ01', 'XA01']);
    const [bj, xa] = rows as [HTMLElement, HTMLElement];
    expect(within(bj).getByTestId('admin-warehouse-status').textContent).toBe('启用');
    expect(within(xa).getByTestId('admin-warehouse-status').textContent).toBe('已停用');
    expect(bj.textContent).toContain('华北');
    expect(xa.textContent).toContain('陕西省 西安市');
    expect(within(bj).getByTestId('admin-warehouse-sla').textContent).toBe('30 分钟');
    expect(within(xa).getByTestId('admin-warehouse-cutoff').textContent).toBe('17:30');
    expect(within(bj).getByTestId('admin-warehouse-endpoint').textContent).toBe(
      'https://wms.example.com/bj01',
    );
    expect(within(xa).getByTestId('admin-warehouse-endpoint').textContent).toBe('未配置');
    expect(xa.textContent).toContain('未设置密钥');
    // Shipped sub-orders have left the warehouse: 2 accepted + 1 packed.
    expect(within(bj).getByTestId('admin-warehouse-open').textContent).toBe('3 个');
    expect(within(xa).getByTestId('admin-warehouse-open').textContent).toBe('0 个');
    expect(within(xa).getByTestId('admin-warehouse-toggle').textContent).toBe('启用');
    expect(within(bj).getByRole('button', { name: '停用仓库 BJ01 仓' })).toBeTruthy();
  });

  it('creates a warehouse: every gap shown at once, then the input the API takes', async () => {
    open('ADMIN', '/admin/warehouses', [
      upserted(
        {
          code: 'XA02',
          name: '西安二仓',
          region: 'NORTHWEST',
          province: '陕西省',
          city: '西安市',
          address: '港务大道 1 号',
          branch: '',
          capabilities: ['OVERSIZE'],
          active: true,
          slaAcceptMinutes: 45,
          cutoffLocalTime: '17:30',
          endpointUrl: 'https://wms.example.com/xa02',
          secret: 'a-secret-of-24-characters',
          reason: null,
        },
        { ...warehouse('XA02'), name: '西安二仓' },
      ),
    ]);
    fireEvent.click(await screen.findByTestId('admin-warehouse-create'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('新建仓库');
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(within(dialog).getAllByText('请填写此项。').length).toBeGreaterThanOrEqual(7);
    type(dialog, 'warehouse-code', 'XA02');
    type(dialog, 'warehouse-name', '西安二仓');
    type(dialog, 'warehouse-province', '陕西省');
    // The province brings its region.
    expect((within(dialog).getByTestId('warehouse-region') as HTMLSelectElement).value).toBe('NORTHWEST');
    type(dialog, 'warehouse-city', '西安市');
    type(dialog, 'warehouse-address', '港务大道 1 号');
    type(dialog, 'warehouse-slaAcceptMinutes', '45');
    type(dialog, 'warehouse-cutoffLocalTime', '7:5');
    type(dialog, 'warehouse-endpointUrl', 'https://wms.example.com/xa02');
    type(dialog, 'warehouse-secret', 'a-secret-of-24-characters');
    fireEvent.click(within(dialog).getByTestId('warehouse-capability-OVERSIZE'));
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(within(dialog).getByText('请按 HH:mm 填写 00:00–23:59 之间的时间，如 17:30。')).toBeTruthy();
    type(dialog, 'warehouse-cutoffLocalTime', '17:30');
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-result')).textContent).toBe(
      '已保存仓库 西安二仓（XA02）。',
    );
  });

  it('shows a refusal of the server at the field it names, word for word', async () => {
    open('ADMIN', '/admin/warehouses?dialog=edit&warehouse=BJ01', [
      {
        request: {
          query: UpsertWarehouseDocument,
          variables: (v: { input: UpsertWarehouseInput }) =>
            v.input.code === 'BJ01' &&
            v.input.endpointUrl === 'http://10.0.0.1:8080/wms' &&
            v.input.secret === null,
        },
        result: {
          errors: [
            new GraphQLError('endpointUrl: not reachable from this network', {
              extensions: { code: 'BAD_USER_INPUT', field: 'endpointUrl' },
            }),
          ],
        },
      },
    ]);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('编辑仓库 BJ01 仓（BJ01）');
    expect((within(dialog).getByTestId('warehouse-code') as HTMLInputElement).readOnly).toBe(true);
    // The secret is write-only: empty, and not needed to save.
    expect((within(dialog).getByTestId('warehouse-secret') as HTMLInputElement).value).toBe('');
    expect(
      within(dialog).getByText('留空则保留现有密钥；填写则替换（16–256 个字符）。只写不读。'),
    ).toBeTruthy();
    type(dialog, 'warehouse-endpointUrl', 'http://10.0.0.1:8080/wms');
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-error')).textContent).toBe(
      '操作被拒绝（BAD_USER_INPUT）：endpointUrl: not reachable from this network',
    );
    expect(
      within(dialog).getByText('「接口地址」：endpointUrl: not reachable from this network'),
    ).toBeTruthy();
  });

  it('takes a warehouse offline with a reason, saying its open sub-orders stay until moved', async () => {
    open('ADMIN', '/admin/warehouses', [
      loadNow,
      upserted(
        { code: 'BJ01', active: false, reason: '暴雨停工', secret: null, cutoffLocalTime: '11:00' },
        { ...BJ01, active: false },
      ),
      page([{ ...BJ01, active: false }, XA01]),
    ]);
    const [bj] = await screen.findAllByTestId('admin-warehouse-row');
    fireEvent.click(within(bj!).getByTestId('admin-warehouse-toggle'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('停用仓库 BJ01 仓（BJ01）');
    expect(within(bj!).getByTestId('admin-warehouse-open').textContent).toBe('3 个');
    await waitFor(() =>
      expect(within(dialog).getByTestId('warehouse-open-sub-orders').textContent).toContain(
        '该仓现有 4 个未完成子单（未发货），停用后仍留在该仓，需运营转仓。',
      ),
    );
    expect(within(dialog).getByRole('link', { name: '去仓库页面转仓' }).getAttribute('href')).toBe(
      '/warehouses',
    );
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(await within(dialog).findByText('请填写原因。')).toBeTruthy();
    type(dialog, 'action-reason', '暴雨停工');
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-result')).textContent).toBe(
      '已停用 BJ01 仓：不再接收新子单。',
    );
    // The title stays what the person confirmed, while the page behind reloads the warehouse.
    expect(within(dialog).getByRole('heading').textContent).toBe('停用仓库 BJ01 仓（BJ01）');
  });

  it('asks for an endpoint and a secret before a warehouse without them changes state', async () => {
    open('ADMIN', '/admin/warehouses?dialog=active&warehouse=XA01', [loadNow]);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('启用仓库 西安仓（XA01）');
    expect(within(dialog).getByTestId('warehouse-incomplete').textContent).toBe(
      '该仓库还没有接口地址或签名密钥，请先编辑补全后再修改其状态。',
    );
    type(dialog, 'action-reason', '恢复');
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    // Nothing is sent (no mock would answer it): the dialog stays on its form.
    await new Promise((r) => setTimeout(r, 50));
    expect(within(dialog).queryByTestId('action-result')).toBeNull();
    expect(within(dialog).queryByTestId('action-error')).toBeNull();
  });

  it('sets stock per sku: on hand, reserved and available, and the server’s refusal below what is reserved', async () => {
    const level = (sku: string, onHand: number, reserved: number) => ({
      __typename: 'StockLevel' as const,
      sku,
      onHand,
      reserved,
      available: onHand - reserved,
    });
    open('ADMIN', '/admin/warehouses?dialog=stock&warehouse=BJ01', [
      {
        request: { query: WarehouseStockDialogDocument },
        result: {
          data: {
            warehouses: [
              {
                __typename: 'Warehouse',
                id: 'w-BJ01',
                code: 'BJ01',
                stock: [level('SKU-2', 10, 4), level('SKU-1', 20_000, 0)],
              },
            ],
          },
        },
      },
      {
        request: {
          query: SetStockDocument,
          variables: { input: { warehouseCode: 'BJ01', sku: 'SKU-2', onHand: 3 } },
        },
        result: {
          errors: [
            new GraphQLError('onHand: 4 units are reserved; on hand cannot go below that', {
              extensions: { code: 'BAD_USER_INPUT', field: 'onHand' },
            }),
          ],
        },
      },
      {
        request: {
          query: SetStockDocument,
          variables: { input: { warehouseCode: 'BJ01', sku: 'SKU-2', onHand: 50 } },
        },
        result: {
          data: {
            setStock: {
              __typename: 'Warehouse',
              id: 'w-BJ01',
              code: 'BJ01',
              stock: [level('SKU-2', 50, 4), level('SKU-1', 20_000, 0)],
            },
          },
        },
      },
    ]);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('库存：BJ01 仓（BJ01）');
    const rows = await within(dialog).findAllByTestId('stock-row');
    expect(rows.map((r) => r.getAttribute('data-sku'))).toEqual(['SKU-1', 'SKU-2']);
    expect(
      ['stock-row-on-hand', 'stock-row-reserved', 'stock-row-available'].map(
        (id) => within(rows[1]!).getByTestId(id).textContent,
      ),
    ).toEqual(['10', '4', '6']);
    fireEvent.click(within(rows[1]!).getByRole('button', { name: '编辑 SKU-2' }));
    expect((within(dialog).getByTestId('stock-sku') as HTMLInputElement).value).toBe('SKU-2');
    expect(within(dialog).getByText('不得少于已预留的 4 件。')).toBeTruthy();
    type(dialog, 'stock-on-hand', '3');
    fireEvent.click(within(dialog).getByTestId('stock-set'));
    expect((await within(dialog).findByTestId('stock-error')).textContent).toBe(
      '操作被拒绝（BAD_USER_INPUT）：onHand: 4 units are reserved; on hand cannot go below that',
    );
    type(dialog, 'stock-on-hand', '50');
    fireEvent.click(within(dialog).getByTestId('stock-set'));
    expect((await within(dialog).findByTestId('stock-result')).textContent).toBe(
      '已将 SKU-2 的在库数量设为 50。',
    );
    await waitFor(() =>
      expect(
        within(within(dialog).getAllByTestId('stock-row')[1]!).getByTestId('stock-row-available').textContent,
      ).toBe('46'),
    );
  });
});
