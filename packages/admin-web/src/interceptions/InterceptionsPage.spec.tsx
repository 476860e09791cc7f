import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AppShellDocument,
  BlacklistPanelDocument,
  BulkDecideInterceptionsDocument,
  InterceptionQueueDocument,
  RiskRulesPanelDocument,
  UpdateRiskRuleDocument,
} from '@/gql/graphql';
import type { StaffRole } from '@/gql/schema';
import { renderPage } from '@/testing/render';
import { InterceptionsPage } from './InterceptionsPage';

afterEach(cleanup);

const me = (role: StaffRole) => ({
  request: { query: AppShellDocument },
  result: {
    data: {
      me: { __typename: 'Staff' as const, id: '1', username: role.toLowerCase(), displayName: role, role },
    },
  },
});

const hold = (id: string, orderNumber: string, rule: 'QUANTITY_LIMIT' | 'MANUAL', minutesLeft: number) => ({
  __typename: 'Interception' as const,
  id,
  orderNumber,
  subOrderNumber: null,
  rule,
  reason: rule === 'QUANTITY_LIMIT' ? 'quantity 25 of SKU-1 above 20' : '客户来电',
  evidence:
    rule === 'QUANTITY_LIMIT' ? { QUANTITY_LIMIT: { maxQuantityPerSku: 25, limit: 20 } } : { by: 'agent' },
  status: 'ACTIVE' as const,
  raisedBy: 'screening',
  raisedAt: '2024-03-01T01:00:00Z',
  expiresAt: new Date(Date.now() + minutesLeft * 60_000).toISOString(),
  decidedBy: null,
  decidedAt: null,
  amount: { __typename: 'Money' as const, yuan: '2500.00' },
});

const queue = (nodes: ReturnType<typeof hold>[]) => ({
  request: { query: InterceptionQueueDocument, variables: { filter: {}, after: null } },
  result: {
    data: {
      warehouses: [{ __typename: 'Warehouse' as const, id: 'w1', code: 'SH01', name: '上海一号仓' }],
      interceptions: {
        __typename: 'InterceptionConnection' as const,
        edges: nodes.map((node) => ({
          __typename: 'InterceptionEdge' as const,
          cursor: `c${node.id}`,
          node,
        })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
      },
    },
  },
});

const rule = (code: 'QUANTITY_LIMIT' | 'BLACKLIST', enabled: boolean, params: Record<string, number>) => ({
  __typename: 'RiskRule' as const,
  code,
  enabled,
  params,
  defaultAction: code === 'BLACKLIST' ? ('WAIT' as const) : ('RELEASE' as const),
  updatedAt: '2024-03-01T00:00:00Z',
  updatedBy: null,
});

const rules = {
  request: { query: RiskRulesPanelDocument },
  result: {
    data: {
      riskRules: [rule('BLACKLIST', true, {}), rule('QUANTITY_LIMIT', true, { maxQuantityPerSku: 20 })],
    },
  },
};

const blacklist = {
  request: { query: BlacklistPanelDocument },
  result: {
    data: {
      blacklist: [
        {
          __typename: 'BlacklistEntry' as const,
          id: 'b1',
          kind: 'PHONE' as const,
          value: '13800000000',
          note: '恶意刷单',
          createdAt: '2024-03-01T00:00:00Z',
          createdBy: 'manager',
        },
      ],
    },
  },
};

const H1 = hold('11', '2403011234567890', 'QUANTITY_LIMIT', 45);
const H2 = hold('12', '2403021234567899', 'MANUAL', -10);

function openQueue(role: StaffRole, mocks: Parameters<typeof renderPage>[1]['mocks'] = []) {
  return renderPage(<InterceptionsPage />, {
    path: '/interceptions',
    url: '/interceptions',
    mocks: [me(role), queue([H1, H2]), rules, blacklist, ...mocks],
  });
}

describe('the interception queue', () => {
  it('lists holds with rule, evidence, amount and time left in the rollback period', async () => {
    openQueue('MANAGER');
    const rows = await screen.findAllByTestId('queue-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByTestId('queue-order').getAttribute('href')).toBe('/orders/2403011234567890');
    expect(rows[0]!.textContent).toContain('超量购买');
    expect(rows[0]!.textContent).toContain('单个 SKU 最大数量 25 · 上限 20');
    expect(rows[0]!.textContent).toContain('¥2,500.00');
    expect(within(rows[0]!).getByTestId('queue-time-left').textContent).toMatch(/^剩余 4[45] 分钟$/);
    expect(within(rows[1]!).getByTestId('queue-time-left').textContent).toBe('已超时 10 分钟');
  });

  it('releases the selected holds in bulk and shows each row’s result', async () => {
    const reason = '核实为正常订单';
    openQueue('MANAGER', [
      {
        request: {
          query: BulkDecideInterceptionsDocument,
          variables: (v: { input: Record<string, unknown> }) =>
            JSON.stringify(v.input.interceptionIds) === '["11","12"]' &&
            v.input.decision === 'RELEASE' &&
            v.input.reason === reason,
        },
        result: {
          data: {
            bulkDecideInterceptions: {
              __typename: 'BulkPayload',
              results: [
                { __typename: 'BulkItemResult', id: '11', ok: true, error: null },
                {
                  __typename: 'BulkItemResult',
                  id: '12',
                  ok: false,
                  error: {
                    __typename: 'BulkItemError',
                    code: 'INVALID_TRANSITION',
                    message: 'Interception 12 is EXPIRED, not ACTIVE.',
                  },
                },
              ],
            },
          },
        },
      },
      queue([H2]),
    ]);
    await screen.findAllByTestId('queue-row');
    expect(screen.getByTestId('bulk-release')).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByTestId('queue-select-all'));
    expect(screen.getByTestId('queue-selected').textContent).toBe('已选 2 条');
    fireEvent.click(screen.getByTestId('bulk-release'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(await within(dialog).findByText('请填写原因。')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: reason } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));

    const results = await within(dialog).findByTestId('bulk-results');
    const items = within(results).getAllByTestId('bulk-result');
    expect(items.map((i) => i.getAttribute('data-ok'))).toEqual(['true', 'false']);
    expect(items[0]!.textContent).toContain('2403011234567890 · 超量购买');
    expect(items[0]!.textContent).toContain('成功');
    expect(items[1]!.textContent).toContain('2403021234567899 · 人工拦截');
    expect(items[1]!.textContent).toContain('INVALID_TRANSITION');
    expect(items[1]!.textContent).toContain('Interception 12 is EXPIRED, not ACTIVE.');
    expect(within(results).getByTestId('bulk-summary').textContent).toBe('成功 1 条，失败 1 条。');

    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(screen.getByTestId('bulk-results')).getAllByTestId('bulk-result')).toHaveLength(2);
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(1));
    expect(screen.getByTestId('queue-selected').textContent).toBe('已选 0 条');
  });

  it('switches a rule and saves a threshold through updateRiskRule', async () => {
    openQueue('MANAGER', [
      {
        request: {
          query: UpdateRiskRuleDocument,
          variables: { input: { code: 'QUANTITY_LIMIT', enabled: false } },
        },
        result: {
          data: {
            updateRiskRule: {
              ...rule('QUANTITY_LIMIT', false, { maxQuantityPerSku: 20 }),
              updatedBy: 'manager',
            },
          },
        },
      },
      {
        request: {
          query: UpdateRiskRuleDocument,
          variables: { input: { code: 'QUANTITY_LIMIT', enabled: false, params: { maxQuantityPerSku: 30 } } },
        },
        result: {
          data: {
            updateRiskRule: {
              ...rule('QUANTITY_LIMIT', false, { maxQuantityPerSku: 30 }),
              updatedBy: 'manager',
            },
          },
        },
      },
    ]);
    const toggle = (await screen.findByTestId('rule-switch-QUANTITY_LIMIT')) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(false));
    expect(screen.getByTestId('rule-QUANTITY_LIMIT').textContent).toContain('已关闭');

    const threshold = screen.getByTestId('rule-param-QUANTITY_LIMIT-maxQuantityPerSku') as HTMLInputElement;
    expect(threshold.value).toBe('20');
    fireEvent.change(threshold, { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('rule-save-QUANTITY_LIMIT'));
    expect(await screen.findByText('阈值已保存。')).toBeTruthy();
    expect(threshold.value).toBe('30');
  });

  it("sets what a rule's holds become when the rollback period ends", async () => {
    openQueue('MANAGER', [
      {
        request: {
          query: UpdateRiskRuleDocument,
          variables: { input: { code: 'QUANTITY_LIMIT', enabled: true, defaultAction: 'CANCEL_ORDER' } },
        },
        result: {
          data: {
            updateRiskRule: {
              ...rule('QUANTITY_LIMIT', true, { maxQuantityPerSku: 20 }),
              defaultAction: 'CANCEL_ORDER' as const,
              updatedBy: 'manager',
            },
          },
        },
      },
    ]);
    const row = await screen.findByTestId('rule-QUANTITY_LIMIT');
    expect(screen.getByTestId('rule-BLACKLIST').textContent).toContain('等待人工处理');
    expect(row.textContent).toContain('自动放行');
    fireEvent.mouseDown(within(row).getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: '自动取消订单' }));
    await waitFor(() => expect(row.textContent).toContain('自动取消订单'));
  });

  it('is read-only for ops: no selection, no bulk buttons, switches off, no blacklist', async () => {
    renderPage(<InterceptionsPage />, {
      path: '/interceptions',
      url: '/interceptions',
      mocks: [me('OPS'), queue([H1]), rules],
    });
    await screen.findAllByTestId('queue-row');
    expect(screen.queryByTestId('queue-select-all')).toBeNull();
    expect(screen.queryByTestId('bulk-release')).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /选择订单/ })).toBeNull();
    expect(await screen.findByTestId('rule-switch-QUANTITY_LIMIT')).toHaveProperty('disabled', true);
    expect(screen.queryByTestId('rule-save-QUANTITY_LIMIT')).toBeNull();
    expect(screen.queryByText('黑名单', { selector: 'h2' })).toBeNull();
  });

  it('tells an agent the queue is not for their role', async () => {
    renderPage(<InterceptionsPage />, {
      path: '/interceptions',
      url: '/interceptions',
      mocks: [me('AGENT')],
    });
    expect((await screen.findByTestId('forbidden')).textContent).toBe(
      '您的角色无权查看此内容，如需访问请联系主管。',
    );
  });
});
