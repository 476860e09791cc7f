import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AdminStaffPageDocument,
  AppShellDocument,
  CreateStaffDocument,
  DisableStaffDocument,
  ResetStaffPasswordDocument,
  SetStaffRoleDocument,
} from '@/gql/graphql';
import type { StaffRole } from '@/gql/schema';
import { renderPage } from '@/testing/render';
import { StaffPage } from './StaffPage';

afterEach(cleanup);

const me = (role: StaffRole, id = '4') => ({
  request: { query: AppShellDocument },
  result: {
    data: { me: { __typename: 'Staff' as const, id, username: 'admin', displayName: '管理员 张伟', role } },
  },
});

const account = (
  id: string,
  username: string,
  extra: Partial<{
    role: StaffRole;
    active: boolean;
    disabledReason: string | null;
    lastLoginAt: string | null;
  }> = {},
) => ({
  __typename: 'StaffAccount' as const,
  id,
  username,
  displayName: `员工 ${username}`,
  role: 'AGENT' as StaffRole,
  active: true,
  createdAt: '2024-03-01T01:00:00Z',
  disabledAt: extra.active === false ? '2024-03-02T01:00:00Z' : null,
  disabledReason: null,
  lastLoginAt: '2024-03-03T02:30:00Z',
  ...extra,
});

const ADMIN = account('4', 'admin', { role: 'ADMIN' });
const AGENT = account('1', 'agent');
const GONE = account('9', 'left.co', { active: false, disabledReason: '离职', lastLoginAt: null });

const list = (...staff: ReturnType<typeof account>[]) => ({
  request: { query: AdminStaffPageDocument },
  result: { data: { staff } },
});

function open(mocks: Parameters<typeof renderPage>[1]['mocks'], role: StaffRole = 'ADMIN') {
  return renderPage(<StaffPage />, {
    path: '/admin/staff',
    url: '/admin/staff',
    mocks: [me(role), ...mocks!],
  });
}

const rowOf = (username: string) =>
  screen.getAllByTestId('staff-row').find((r) => r.getAttribute('data-username') === username)!;

describe('the staff accounts page', () => {
  it('lists every account with role, status, last sign-in and the actions it allows', async () => {
    open([list(ADMIN, AGENT, GONE)]);
    const rows = await screen.findAllByTestId('staff-row');
    expect(rows.map((r) => r.getAttribute('data-username'))).toEqual(['admin', 'agent', 'left.co']);
    const agent = rowOf('agent');
    expect(within(agent).getByTestId('staff-role').textContent).toBe('客服');
    expect(within(agent).getByTestId('staff-status').textContent).toBe('正常');
    expect(agent.textContent).toContain('2024-03-03 10:30:00');
    expect(within(agent).getByTestId('staff-disable')).toBeTruthy();
    // The admin's own row: marked, and no way to disable it.
    expect(within(rowOf('admin')).getByText('本人')).toBeTruthy();
    expect(within(rowOf('admin')).queryByTestId('staff-disable')).toBeNull();
    // A disabled account: why, never signed in, and restore instead of disable.
    const gone = rowOf('left.co');
    expect(within(gone).getByTestId('staff-status').textContent).toBe('已停用停用原因：离职');
    expect(gone.textContent).toContain('从未登录');
    expect(within(gone).queryByTestId('staff-disable')).toBeNull();
    expect(within(gone).getByTestId('staff-enable')).toBeTruthy();
    // Each account links to what it did.
    expect(within(agent).getByRole('link', { name: '查看 agent 的操作记录' }).getAttribute('href')).toBe(
      '/admin/audit?staff=agent',
    );
  });

  it('is refused to managers without asking the server', async () => {
    open([], 'MANAGER');
    expect((await screen.findByTestId('forbidden')).textContent).toContain('无权');
  });

  it('creates an account after checking the fields by the server’s rules, then shows it in the list', async () => {
    const input = { username: 'li.na', displayName: '李娜', password: 'spring rain 2024', role: 'OPS' };
    open([
      list(ADMIN, AGENT),
      {
        request: { query: CreateStaffDocument, variables: { input } },
        result: {
          data: {
            createStaff: {
              __typename: 'StaffAccountPayload',
              staff: { __typename: 'StaffAccount', id: '12', username: 'li.na', role: 'OPS' },
            },
          },
        },
      },
      list(ADMIN, AGENT, account('12', 'li.na', { role: 'OPS', lastLoginAt: null })),
    ]);
    await screen.findAllByTestId('staff-row');
    fireEvent.click(screen.getByTestId('staff-create'));
    const dialog = await screen.findByRole('dialog');
    // Nothing filled in: each field says what it needs, and nothing is sent.
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(await within(dialog).findByText('请填写姓名。')).toBeTruthy();
    expect(within(dialog).getByText(/用户名须为 2–32 位/)).toBeTruthy();
    expect(within(dialog).getByText('密码至少 12 个字符，首尾不能是空格。')).toBeTruthy();

    fireEvent.change(within(dialog).getByTestId('staff-username'), { target: { value: ' li.na ' } });
    fireEvent.change(within(dialog).getByTestId('staff-display-name'), { target: { value: '李娜' } });
    fireEvent.change(within(dialog).getByTestId('staff-password'), { target: { value: 'short' } });
    fireEvent.change(within(dialog).getByTestId('staff-role-select'), { target: { value: 'OPS' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(within(dialog).queryByTestId('staff-result')).toBeNull();
    fireEvent.change(within(dialog).getByTestId('staff-password'), { target: { value: input.password } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('staff-result')).textContent).toBe(
      '已创建账号 li.na（运营），现在可以登录。',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.getAllByTestId('staff-row')).toHaveLength(3));
    expect(within(rowOf('li.na')).getByTestId('staff-role').textContent).toBe('运营');
  });

  it('shows the server’s refusal word for word, e.g. a username already taken', async () => {
    open([
      list(ADMIN, AGENT),
      {
        request: { query: CreateStaffDocument, variables: () => true },
        result: {
          errors: [
            new GraphQLError('username: agent is taken', {
              extensions: { code: 'BAD_USER_INPUT', field: 'username' },
            }),
          ],
        },
      },
    ]);
    await screen.findAllByTestId('staff-row');
    fireEvent.click(screen.getByTestId('staff-create'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('staff-username'), { target: { value: 'agent' } });
    fireEvent.change(within(dialog).getByTestId('staff-display-name'), { target: { value: '重名' } });
    fireEvent.change(within(dialog).getByTestId('staff-password'), { target: { value: 'long enough pw' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-error')).textContent).toBe(
      '操作被拒绝（BAD_USER_INPUT）：username: agent is taken',
    );
  });

  it('disables an account with a reason, saying its sessions end, and shows it disabled', async () => {
    open([
      list(ADMIN, AGENT),
      {
        request: { query: DisableStaffDocument, variables: { input: { staffId: '1', reason: '离职' } } },
        result: {
          data: {
            disableStaff: {
              __typename: 'StaffAccountPayload',
              staff: {
                __typename: 'StaffAccount',
                id: '1',
                active: false,
                disabledAt: '2024-03-04T01:00:00Z',
                disabledReason: '离职',
              },
            },
          },
        },
      },
      list(ADMIN, account('1', 'agent', { active: false, disabledReason: '离职' })),
    ]);
    await screen.findAllByTestId('staff-row');
    fireEvent.click(within(rowOf('agent')).getByTestId('staff-disable'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('停用账号 agent');
    expect(dialog.textContent).toContain('立即在所有设备上退出登录');
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(await within(dialog).findByText('请填写原因。')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '离职' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('staff-result')).textContent).toBe(
      'agent 已停用，其所有登录已结束。',
    );
    await waitFor(() => expect(rowOf('agent').getAttribute('data-active')).toBe('false'));
  });

  it('changes a role, and shows the server refusing to demote the last admin', async () => {
    open([
      list(ADMIN, AGENT),
      {
        request: {
          query: SetStaffRoleDocument,
          variables: { input: { staffId: '1', role: 'MANAGER', reason: '升职' } },
        },
        result: {
          data: {
            setStaffRole: {
              __typename: 'StaffAccountPayload',
              staff: { __typename: 'StaffAccount', id: '1', role: 'MANAGER' },
            },
          },
        },
      },
      list(ADMIN, account('1', 'agent', { role: 'MANAGER' })),
      {
        request: { query: SetStaffRoleDocument, variables: () => true },
        result: {
          errors: [
            new GraphQLError('staffId: admin is the last active admin: make someone else admin first', {
              extensions: { code: 'BAD_USER_INPUT', field: 'staffId' },
            }),
          ],
        },
      },
    ]);
    await screen.findAllByTestId('staff-row');
    fireEvent.click(within(rowOf('agent')).getByTestId('staff-setRole'));
    let dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByTestId('staff-role-select') as HTMLSelectElement).value).toBe('AGENT');
    fireEvent.change(within(dialog).getByTestId('staff-role-select'), { target: { value: 'MANAGER' } });
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '升职' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('staff-result')).textContent).toBe(
      'agent 的角色现为「主管」。',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(within(rowOf('agent')).getByTestId('staff-role').textContent).toBe('主管'));

    fireEvent.click(within(rowOf('admin')).getByTestId('staff-setRole'));
    dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('staff-role-select'), { target: { value: 'OPS' } });
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '试试' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-error')).textContent).toContain('last active admin');
  });

  it('resets a password typed twice the same, never sending a mismatch or a short one', async () => {
    open([
      list(ADMIN, AGENT),
      {
        request: {
          query: ResetStaffPasswordDocument,
          variables: { input: { staffId: '1', password: 'brand new secret', reason: '忘记密码' } },
        },
        result: {
          data: {
            resetStaffPassword: {
              __typename: 'StaffAccountPayload',
              staff: { __typename: 'StaffAccount', id: '1' },
            },
          },
        },
      },
      list(ADMIN, AGENT),
    ]);
    await screen.findAllByTestId('staff-row');
    fireEvent.click(within(rowOf('agent')).getByTestId('staff-resetPassword'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('staff-new-password'), {
      target: { value: 'brand new secret' },
    });
    fireEvent.change(within(dialog).getByTestId('staff-new-password-again'), {
      target: { value: 'brand new secre' },
    });
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '忘记密码' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(await within(dialog).findByText('两次输入的密码不一致。')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('staff-new-password-again'), {
      target: { value: 'brand new secret' },
    });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('staff-result')).textContent).toBe(
      '已为 agent 设置新密码，其登录已结束。',
    );
  });
});
