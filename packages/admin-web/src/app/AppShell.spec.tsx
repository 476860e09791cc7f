import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppShellDocument } from '@/gql/graphql';
import { renderPage } from '@/testing/render';
import { AppShell } from './AppShell';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const me = (staff: null | { displayName: string; role: 'AGENT' | 'OPS' | 'MANAGER' | 'ADMIN' }) => ({
  request: { query: AppShellDocument },
  result: {
    data: {
      me: staff && { __typename: 'Staff' as const, id: '1', username: 'agent', ...staff },
    },
  },
});

describe('the app shell', () => {
  it('sends someone not signed in to the login page, to come back afterwards', async () => {
    renderPage(<AppShell />, { path: '/orders', url: '/orders?status=PAID', mocks: [me(null)] });
    expect((await screen.findByTestId('location')).textContent).toBe('/login?next=%2Forders%3Fstatus%3DPAID');
  });

  it('shows who is signed in, the search box and sign-out', async () => {
    renderPage(<AppShell />, {
      path: '/',
      url: '/',
      mocks: [me({ displayName: '客服小王', role: 'AGENT' })],
    });
    expect(await screen.findByText('客服小王')).toBeTruthy();
    expect(screen.getByText('客服', { selector: '.MuiChip-label' })).toBeTruthy();
    expect(screen.getByTestId('search-input').getAttribute('aria-label')).toBe('搜索订单');
    expect(screen.getByTestId('logout').textContent).toBe('退出登录');
  });

  it('switches to English and remembers the choice', async () => {
    renderPage(<AppShell />, { path: '/', url: '/', mocks: [me({ displayName: 'Wang', role: 'OPS' })] });
    fireEvent.click(await screen.findByTestId('language-switch'));
    await waitFor(() => expect(screen.getByTestId('logout').textContent).toBe('Sign out'));
    expect(screen.getByTestId('language-switch').textContent).toBe('中文');
    expect(localStorage.getItem('oms.console.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows each role the navigation its permissions allow', async () => {
    renderPage(<AppShell />, { path: '/', url: '/', mocks: [me({ displayName: '主管', role: 'MANAGER' })] });
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect([...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['查询', '/'],
      ['订单列表', '/orders'],
      ['拦截队列', '/interceptions'],
      ['仓库', '/warehouses'],
      ['退款', '/refunds'],
      ['系统管理', '/admin'],
    ]);
    cleanup();
    renderPage(<AppShell />, { path: '/', url: '/', mocks: [me({ displayName: '客服', role: 'AGENT' })] });
    const agentNav = await screen.findByRole('navigation', { name: '主导航' });
    expect([...agentNav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['查询', '订单列表']);
  });
});
