import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { AppShellDocument, PaymentChannelsPageDocument, UpsertPaymentChannelDocument } from '@/gql/graphql';
import type { PaymentMethod, StaffRole } from '@/gql/schema';
import { renderPage } from '@/testing/render';
import { PaymentChannelsPage } from './PaymentChannelsPage';

afterEach(cleanup);

const me = (role: StaffRole) => ({
  request: { query: AppShellDocument },
  result: {
    data: { me: { __typename: 'Staff' as const, id: '4', username: 'admin', displayName: '管理员', role } },
  },
});

const channel = (method: PaymentMethod, extra: Record<string, unknown> = {}) => ({
  __typename: 'PaymentChannel' as const,
  channel: method,
  endpointUrl: `https://pay.example.com/${method.toLowerCase()}`,
  hasSecret: true,
  updatedAt: '2024-03-01T01:00:00Z',
  updatedBy: 'admin',
  ...extra,
});

const ALIPAY = channel('ALIPAY');
const POINTS = channel('POINTS', { endpointUrl: null, hasSecret: false, updatedAt: null, updatedBy: null });

function open(
  role: StaffRole,
  url = '/admin/payment-channels',
  mocks: Parameters<typeof renderPage>[1]['mocks'] = [],
) {
  return renderPage(<PaymentChannelsPage />, {
    path: '/admin/payment-channels',
    url,
    mocks: [
      me(role),
      {
        request: { query: PaymentChannelsPageDocument },
        result: { data: { paymentChannels: [ALIPAY, POINTS] } },
      },
      ...mocks!,
    ],
  });
}

describe('the payment channels page', () => {
  it('is for admins alone', async () => {
    renderPage(<PaymentChannelsPage />, {
      path: '/admin/payment-channels',
      url: '/admin/payment-channels',
      mocks: [me('OPS')],
    });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });

  it('lists each channel: method, endpoint, whether it has a secret, who changed it last and when', async () => {
    open('ADMIN');
    const rows = await screen.findAllByTestId('channel-row');
    const [alipay, points] = rows as [HTMLElement, HTMLElement];
    expect(alipay.textContent).toContain('支付宝');
    expect(within(alipay).getByTestId('channel-endpoint-shown').textContent).toBe(
      'https://pay.example.com/alipay',
    );
    expect(alipay.textContent).toContain('已设置');
    expect(within(alipay).getByTestId('channel-updated').textContent).toBe('admin · 2024-03-01 09:00:00');
    expect(within(points).getByTestId('channel-endpoint-shown').textContent).toBe('未配置');
    expect(within(points).getByTestId('channel-updated').textContent).toBe('未修改过');
    expect(points.textContent).toContain('未设置');
  });

  it('edits the endpoint and keeps the secret when none is typed (write-only)', async () => {
    open('ADMIN', '/admin/payment-channels', [
      {
        request: {
          query: UpsertPaymentChannelDocument,
          variables: {
            input: { channel: 'ALIPAY', endpointUrl: 'https://pay2.example.com/alipay', secret: null },
          },
        },
        result: {
          data: {
            upsertPaymentChannel: channel('ALIPAY', {
              endpointUrl: 'https://pay2.example.com/alipay',
              updatedAt: '2024-03-02T02:00:00Z',
            }),
          },
        },
      },
    ]);
    const [alipay] = await screen.findAllByTestId('channel-row');
    fireEvent.click(within(alipay!).getByRole('button', { name: '编辑支付宝渠道' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('编辑支付渠道：支付宝');
    expect((within(dialog).getByTestId('channel-secret') as HTMLInputElement).value).toBe('');
    expect((within(dialog).getByTestId('channel-secret') as HTMLInputElement).type).toBe('password');
    fireEvent.change(within(dialog).getByTestId('channel-endpoint'), {
      target: { value: 'https://pay2.example.com/alipay' },
    });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-result')).textContent).toBe('已保存支付宝渠道。');
    // The list shows the change at once (the cache keeps channels by method).
    await waitFor(() =>
      expect(
        within(screen.getAllByTestId('channel-row')[0]!).getByTestId('channel-updated').textContent,
      ).toBe('admin · 2024-03-02 10:00:00'),
    );
  });

  it('asks a channel without a secret for one, and shows the server’s refusal at its field', async () => {
    open('ADMIN', '/admin/payment-channels?edit=POINTS', [
      {
        request: {
          query: UpsertPaymentChannelDocument,
          variables: {
            input: { channel: 'POINTS', endpointUrl: 'https://[points', secret: 'points-secret-0001' },
          },
        },
        result: {
          errors: [
            new GraphQLError('endpointUrl: is not a URL', {
              extensions: { code: 'BAD_USER_INPUT', field: 'endpointUrl' },
            }),
          ],
        },
      },
    ]);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('编辑支付渠道：积分');
    expect(within(dialog).getByText('该渠道还没有密钥，请填写（16–256 个字符）。只写不读。')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('channel-endpoint'), {
      target: { value: 'https://[points' },
    });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(within(dialog).getByText('请填写此项。')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('channel-secret'), { target: { value: 'short' } });
    expect(within(dialog).getByText('密钥须为 16–256 个字符。')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('channel-secret'), {
      target: { value: 'points-secret-0001' },
    });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-error')).textContent).toBe(
      '操作被拒绝（BAD_USER_INPUT）：endpointUrl: is not a URL',
    );
    expect(within(dialog).getByText('「退款接口地址」：endpointUrl: is not a URL')).toBeTruthy();
  });
});
