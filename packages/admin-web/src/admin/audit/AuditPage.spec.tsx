import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppShellDocument, AuditLogPageDocument } from '@/gql/graphql';
import type { AuditAction, StaffRole } from '@/gql/schema';
import { renderPage } from '@/testing/render';
import { AuditPage } from './AuditPage';

afterEach(cleanup);

const me = (role: StaffRole) => ({
  request: { query: AppShellDocument },
  result: {
    data: {
      me: { __typename: 'Staff' as const, id: '3', username: 'manager', displayName: '主管 陈静', role },
    },
  },
});

const entry = (
  id: string,
  action: AuditAction,
  extra: Partial<{
    username: string;
    orderNumber: string | null;
    before: unknown;
    after: unknown;
    reason: string;
  }> = {},
) => ({
  __typename: 'AuditEntry' as const,
  id,
  username: 'admin',
  displayName: '管理员 张伟',
  role: 'ADMIN' as StaffRole,
  action,
  orderNumber: null,
  before: null,
  after: null,
  reason: '调岗',
  at: '2024-03-06T02:03:04Z',
  address: '10.0.0.8',
  ...extra,
});

const ROLE_CHANGE = entry('41', 'SET_STAFF_ROLE', {
  before: { staffId: '7', username: 'li.na', role: 'AGENT' },
  after: { staffId: '7', username: 'li.na', role: 'OPS' },
});
const KEY = entry('40', 'CREATE_API_KEY', {
  after: { apiKeyId: '3', name: '京东店', scopes: ['orders:create', 'payments:record'] },
  reason: 'new key 京东店',
});
const CANCEL = entry('39', 'CANCEL_ORDER', {
  username: 'agent',
  orderNumber: '2403011234567890',
  reason: '客户不要了',
});

const page = (
  filter: Record<string, unknown>,
  after: string | null,
  nodes: ReturnType<typeof entry>[],
  next: string | null = null,
) => ({
  request: { query: AuditLogPageDocument, variables: { filter, after } },
  result: {
    data: {
      auditLog: {
        __typename: 'AuditConnection' as const,
        edges: nodes.map((node) => ({ __typename: 'AuditEdge' as const, cursor: `c${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: next !== null, endCursor: next },
      },
    },
  },
});

function open(url: string, mocks: Parameters<typeof renderPage>[1]['mocks'], role: StaffRole = 'MANAGER') {
  return renderPage(<AuditPage />, { path: '/admin/audit', url, mocks: [me(role), ...mocks!] });
}

describe('the audit log viewer', () => {
  it('shows who, what (worded), which order, before and after readably, why and from where', async () => {
    open('/admin/audit', [page({}, null, [ROLE_CHANGE, KEY, CANCEL])]);
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows.map((r) => r.getAttribute('data-action'))).toEqual([
      'SET_STAFF_ROLE',
      'CREATE_API_KEY',
      'CANCEL_ORDER',
    ]);
    const [role, key, cancel] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(role.textContent).toContain('2024-03-06 10:03:04');
    expect(within(role).getByTestId('audit-staff').textContent).toBe('admin');
    expect(role.textContent).toContain('管理员 张伟 · 管理员');
    expect(within(role).getByTestId('audit-action').textContent).toBe('调整员工角色');
    // Before → after, worded: the role changed, the account it is about shown as it is.
    const change = within(role).getByTestId('audit-change');
    expect(change.textContent).toContain('用户名li.na');
    expect(change.textContent).toContain('角色改动前客服→改动后运营');
    expect(within(key).getByTestId('audit-change').textContent).toContain('权限范围创建订单、回传支付结果');
    expect(within(cancel).getByRole('link', { name: '2403011234567890' }).getAttribute('href')).toBe(
      '/orders/2403011234567890',
    );
    expect(within(cancel).getByTestId('audit-reason').textContent).toBe('客户不要了');
    expect(cancel.textContent).toContain('10.0.0.8');
  });

  it('asks with the filters of the URL, and narrows to a person by a click on their username', async () => {
    open('/admin/audit?action=CANCEL_ORDER&from=2024-03-01&to=2024-03-06', [
      page(
        { action: 'CANCEL_ORDER', from: '2024-02-29T16:00:00.000Z', to: '2024-03-06T16:00:00.000Z' },
        null,
        [CANCEL],
      ),
      page(
        {
          username: 'agent',
          action: 'CANCEL_ORDER',
          from: '2024-02-29T16:00:00.000Z',
          to: '2024-03-06T16:00:00.000Z',
        },
        null,
        [CANCEL],
      ),
    ]);
    const [row] = await screen.findAllByTestId('audit-row');
    expect((screen.getByLabelText('开始日期') as HTMLInputElement).value).toBe('2024-03-01');
    fireEvent.click(within(row!).getByTestId('audit-staff'));
    await waitFor(() =>
      expect((screen.getByTestId('audit-filter-staff') as HTMLInputElement).value).toBe('agent'),
    );
    expect(await screen.findAllByTestId('audit-row')).toHaveLength(1);
  });

  it('applies a typed username and order number together, and pages on by cursor', async () => {
    open('/admin/audit', [
      page({}, null, [ROLE_CHANGE]),
      page({ username: 'admin', orderNumber: '2403011234567890' }, null, [ROLE_CHANGE], 'c41'),
      page({ username: 'admin', orderNumber: '2403011234567890' }, 'c41', [KEY]),
    ]);
    await screen.findAllByTestId('audit-row');
    fireEvent.change(screen.getByTestId('audit-filter-staff'), { target: { value: ' admin ' } });
    fireEvent.change(screen.getByTestId('audit-filter-order'), { target: { value: '2403011234567890' } });
    fireEvent.click(screen.getByTestId('audit-filter-apply'));
    await waitFor(() => expect(screen.getByTestId('audit-next')).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByTestId('audit-next'));
    await waitFor(() =>
      expect(screen.getAllByTestId('audit-row').map((r) => r.getAttribute('data-action'))).toEqual([
        'CREATE_API_KEY',
      ]),
    );
    expect(screen.getByText('第 2 页')).toBeTruthy();
  });

  it('says when nothing matches, and is refused to ops', async () => {
    open('/admin/audit?action=ENABLE_STAFF', [page({ action: 'ENABLE_STAFF' }, null, [])]);
    expect(await screen.findByText('没有符合条件的记录。')).toBeTruthy();
    expect(screen.getByText('试试放宽筛选条件。')).toBeTruthy();
    cleanup();
    open('/admin/audit', [], 'OPS');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
