import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AdminApiKeysPageDocument,
  AppShellDocument,
  CreateApiKeyDocument,
  RevokeApiKeyDocument,
} from '@/gql/graphql';
import type { StaffRole } from '@/gql/schema';
import { renderPage } from '@/testing/render';
import { ApiKeysPage } from './ApiKeysPage';

afterEach(cleanup);

const me = (role: StaffRole) => ({
  request: { query: AppShellDocument },
  result: {
    data: { me: { __typename: 'Staff' as const, id: '4', username: 'admin', displayName: '管理员', role } },
  },
});

type Scope = 'orders:create' | 'payments:record' | 'aftersales:create';
const key = (
  id: string,
  name: string,
  extra: Partial<{
    scopes: Scope[];
    active: boolean;
    revokedReason: string | null;
    lastUsedAt: string | null;
  }> = {},
) => ({
  __typename: 'ApiKey' as const,
  id,
  name,
  scopes: ['orders:create'] as Scope[],
  keyPrefix: `oms_k_K${id}x9`,
  active: true,
  createdAt: '2024-03-01T01:00:00Z',
  createdBy: 'admin',
  revokedAt: extra.active === false ? '2024-03-05T01:00:00Z' : null,
  revokedBy: extra.active === false ? 'admin' : null,
  revokedReason: null,
  lastUsedAt: null,
  ...extra,
});

const STORE = key('1', '天猫旗舰店', {
  scopes: ['orders:create', 'payments:record'],
  lastUsedAt: '2024-03-04T04:00:00Z',
});
const OLD = key('2', '旧系统', { active: false, revokedReason: '停用旧系统' });

const list = (...apiKeys: ReturnType<typeof key>[]) => ({
  request: { query: AdminApiKeysPageDocument },
  result: { data: { apiKeys } },
});

const SECRET = 'oms_k_K3x9TopSecretValueThatIsShownOnlyOnce0123456';

function open(mocks: Parameters<typeof renderPage>[1]['mocks'], role: StaffRole = 'ADMIN') {
  return renderPage(<ApiKeysPage />, {
    path: '/admin/api-keys',
    url: '/admin/api-keys',
    mocks: [me(role), ...mocks!],
  });
}

const rowOf = (name: string) =>
  screen.getAllByTestId('api-key-row').find((r) => r.getAttribute('data-name') === name)!;

describe('the API keys page', () => {
  it('lists keys by their first characters, worded scopes, use and revocation, never the key', async () => {
    open([list(STORE, OLD)]);
    await screen.findAllByTestId('api-key-row');
    const store = rowOf('天猫旗舰店');
    expect(within(store).getByTestId('api-key-prefix').textContent).toBe('oms_k_K1x9…');
    expect(store.textContent).toContain('创建订单');
    expect(store.textContent).toContain('回传支付结果');
    expect(within(store).getByTestId('api-key-status').textContent).toBe('有效');
    expect(store.textContent).toContain('2024-03-04 12:00:00');
    expect(within(store).getByRole('button', { name: '撤销密钥 天猫旗舰店' })).toBeTruthy();
    const old = rowOf('旧系统');
    expect(within(old).getByTestId('api-key-status').textContent).toBe('已撤销');
    expect(old.textContent).toContain('原因：停用旧系统');
    expect(old.textContent).toContain('未使用');
    expect(within(old).queryByTestId('api-key-revoke')).toBeNull();
  });

  it('is refused to managers', async () => {
    open([], 'MANAGER');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });

  it('makes a key with the scopes chosen and shows it once, with a copy button and the warning', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    open([
      list(STORE),
      {
        request: {
          query: CreateApiKeyDocument,
          variables: { input: { name: '京东店', scopes: ['orders:create', 'aftersales:create'] } },
        },
        result: {
          data: {
            createApiKey: {
              __typename: 'CreateApiKeyPayload',
              apiKey: {
                __typename: 'ApiKey',
                id: '3',
                name: '京东店',
                scopes: ['orders:create', 'aftersales:create'],
                createdAt: '2024-03-06T01:00:00Z',
              },
              key: SECRET,
            },
          },
        },
      },
      list(key('3', '京东店', { scopes: ['orders:create', 'aftersales:create'] }), STORE),
    ]);
    await screen.findAllByTestId('api-key-row');
    fireEvent.click(screen.getByTestId('api-key-create'));
    const dialog = await screen.findByRole('dialog');
    // No scope at all is refused here, before anything is sent.
    fireEvent.click(within(dialog).getByTestId('api-key-scope-orders:create'));
    fireEvent.change(within(dialog).getByTestId('api-key-name'), { target: { value: ' 京东店 ' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(await within(dialog).findByText('请至少选择一项权限。')).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('api-key-scope-aftersales:create'));
    fireEvent.click(within(dialog).getByTestId('api-key-scope-orders:create'));
    fireEvent.click(within(dialog).getByTestId('action-confirm'));

    const secret = (await within(dialog).findByTestId('api-key-secret')) as HTMLInputElement;
    expect(secret.value).toBe(SECRET);
    expect(secret.readOnly).toBe(true);
    expect(within(dialog).getByTestId('api-key-once').textContent).toContain('唯一一次显示此密钥');
    fireEvent.click(within(dialog).getByTestId('api-key-copy'));
    expect(await within(dialog).findByText('已复制到剪贴板。')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(SECRET);

    // Closed, the key is gone for good: the page lists the new key by its first characters only.
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.getAllByTestId('api-key-row')).toHaveLength(2));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('revokes a key with a reason and shows it revoked', async () => {
    open([
      list(STORE),
      {
        request: { query: RevokeApiKeyDocument, variables: { input: { apiKeyId: '1', reason: '密钥泄露' } } },
        result: {
          data: {
            revokeApiKey: {
              __typename: 'ApiKeyPayload',
              apiKey: {
                __typename: 'ApiKey',
                id: '1',
                active: false,
                revokedAt: '2024-03-06T02:00:00Z',
                revokedBy: 'admin',
                revokedReason: '密钥泄露',
              },
            },
          },
        },
      },
      list({
        ...STORE,
        active: false,
        revokedAt: '2024-03-06T02:00:00Z',
        revokedBy: 'admin',
        revokedReason: '密钥泄露',
      }),
    ]);
    await screen.findAllByTestId('api-key-row');
    fireEvent.click(within(rowOf('天猫旗舰店')).getByTestId('api-key-revoke'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('使用此密钥的请求会立即被拒绝');
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '密钥泄露' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('api-key-result')).textContent).toBe(
      '密钥「天猫旗舰店」已撤销。',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() =>
      expect(within(rowOf('天猫旗舰店')).getByTestId('api-key-status').textContent).toBe('已撤销'),
    );
  });
});
