import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OrderDetailPageDocument, RetryRefundDocument, SettleRefundOfflineDocument } from '@/gql/graphql';
import { renderPage } from '@/testing/render';
import { OrderDetailPage } from '../OrderDetailPage';
import { ORDER_NUMBER, SUB_ORDER_NUMBER, shippedOrder } from '../testing/orderFixture';

afterEach(cleanup);

type Order = ReturnType<typeof shippedOrder>;
type Refund = Order['refunds'][number];
type Offered = Refund['allowedActions'][number];

const offered = (action: Offered['action'], enabled = true, reasonCode: string | null = null): Offered => ({
  __typename: 'AllowedAction',
  action,
  enabled,
  reasonCode,
});

const refund = (id: string, extra: Partial<Refund> = {}): Refund => ({
  __typename: 'Refund',
  id,
  orderNumber: ORDER_NUMBER,
  subOrderNumber: SUB_ORDER_NUMBER,
  method: 'ALIPAY',
  status: 'FAILED',
  reason: '客户取消',
  createdAt: '2024-03-03T01:00:00Z',
  attempt: 1,
  deliveryState: 'SENT',
  failureReason: '账户已注销',
  lastError: null,
  channelRefundNo: null,
  settledAt: null,
  settledOffline: false,
  amount: { __typename: 'Money', yuan: '135.00' },
  payment: { __typename: 'RefundPayment', id: 'p1', transactionNo: 'ALI2024030100001' },
  allowedActions: [offered('RETRY_REFUND'), offered('SETTLE_REFUND_OFFLINE')],
  ...extra,
});

const GIFT_CARD_BACK = refund('r2', {
  method: 'GIFT_CARD',
  status: 'SUCCEEDED',
  failureReason: null,
  channelRefundNo: 'GC-R-1',
  settledAt: '2024-03-03T01:05:00Z',
  amount: { __typename: 'Money', yuan: '50.00' },
  payment: null,
  allowedActions: [
    offered('RETRY_REFUND', false, 'STATE_FORBIDS'),
    offered('SETTLE_REFUND_OFFLINE', false, 'STATE_FORBIDS'),
  ],
});

const withRefunds = (refunds: Refund[]): Order => ({ ...shippedOrder(), refunds });

const orderQuery = (order: Order) => ({
  request: { query: OrderDetailPageDocument, variables: { number: ORDER_NUMBER } },
  result: { data: { order } },
});

function openOrder(mocks: Parameters<typeof renderPage>[1]['mocks']) {
  return renderPage(<OrderDetailPage />, { path: '/orders/:number', url: `/orders/${ORDER_NUMBER}`, mocks });
}

describe('refunds on the order page', () => {
  it('shows each refund’s status, attempt, channel reference, settle time, payment serial and actions', async () => {
    openOrder([orderQuery(withRefunds([refund('r1'), GIFT_CARD_BACK]))]);
    const [failed, settled] = await screen.findAllByTestId('order-refund');
    expect(within(failed!).getByTestId('refund-status').textContent).toBe('失败');
    expect(within(failed!).getByTestId('refund-attempt').textContent).toBe('第 1 次尝试');
    expect(within(failed!).getByTestId('refund-failure').textContent).toBe('渠道原因：账户已注销');
    expect(within(failed!).getByTestId('refund-payment').textContent).toBe('原支付流水 ALI2024030100001');
    expect(within(failed!).getByTestId('action-RETRY_REFUND')).toHaveProperty('disabled', false);
    expect(within(failed!).getByTestId('action-SETTLE_REFUND_OFFLINE')).toHaveProperty('disabled', false);
    expect(within(settled!).getByTestId('refund-channel-no').textContent).toBe('GC-R-1');
    expect(within(settled!).getByTestId('refund-settled').textContent).toBe('2024-03-03 09:05:00 结清');
    expect(within(settled!).getByTestId('action-RETRY_REFUND')).toHaveProperty('disabled', true);
    fireEvent.mouseOver(within(settled!).getByTestId('action-RETRY_REFUND-reason'));
    expect(await screen.findByRole('tooltip')).toHaveProperty('textContent', '当前状态不允许此操作');
  });

  it('sends a refund again from the order, then shows its new attempt without a manual refresh', async () => {
    const reason = '客户已更换收款账户';
    openOrder([
      orderQuery(withRefunds([refund('r1')])),
      {
        request: {
          query: RetryRefundDocument,
          variables: (v: { input: Record<string, unknown> }) =>
            v.input.refundId === 'r1' && v.input.reason === reason,
        },
        result: {
          data: {
            retryRefund: {
              __typename: 'RefundPayload',
              refund: {
                __typename: 'Refund',
                id: 'r1',
                status: 'PENDING',
                attempt: 2,
                deliveryState: 'PENDING',
                failureReason: null,
                lastError: null,
                allowedActions: [
                  offered('RETRY_REFUND', false, 'STATE_FORBIDS'),
                  offered('SETTLE_REFUND_OFFLINE', false, 'STATE_FORBIDS'),
                ],
              },
            },
          },
        },
      },
      orderQuery(
        withRefunds([
          refund('r1', {
            status: 'PENDING',
            attempt: 2,
            deliveryState: 'PENDING',
            failureReason: null,
            allowedActions: [
              offered('RETRY_REFUND', false, 'STATE_FORBIDS'),
              offered('SETTLE_REFUND_OFFLINE', false, 'STATE_FORBIDS'),
            ],
          }),
        ]),
      ),
    ]);
    const [row] = await screen.findAllByTestId('order-refund');
    fireEvent.click(within(row!).getByTestId('action-RETRY_REFUND'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('refund-summary').textContent).toContain(SUB_ORDER_NUMBER);
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: reason } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-result')).textContent).toBe(
      '已重新发送：第 2 次尝试，处理中。',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    const after = screen.getByTestId('order-refund');
    await waitFor(() => expect(within(after).getByTestId('refund-attempt').textContent).toBe('第 2 次尝试'));
    expect(within(after).getByTestId('refund-status').textContent).toBe('处理中');
    expect(within(after).getByTestId('action-RETRY_REFUND')).toHaveProperty('disabled', true);
  });

  it('settles a refund offline from the order with the transfer reference', async () => {
    openOrder([
      orderQuery(withRefunds([refund('r1')])),
      {
        request: {
          query: SettleRefundOfflineDocument,
          variables: (v: { input: Record<string, unknown> }) =>
            v.input.refundId === 'r1' && v.input.reference === 'BANK-778' && v.input.reason === '已转账',
        },
        result: {
          data: {
            settleRefundOffline: {
              __typename: 'RefundPayload',
              refund: {
                __typename: 'Refund',
                id: 'r1',
                status: 'SUCCEEDED',
                channelRefundNo: 'BANK-778',
                settledAt: '2024-03-04T02:00:00Z',
                settledOffline: true,
                deliveryState: 'SENT',
                allowedActions: [
                  offered('RETRY_REFUND', false, 'STATE_FORBIDS'),
                  offered('SETTLE_REFUND_OFFLINE', false, 'STATE_FORBIDS'),
                ],
              },
            },
          },
        },
      },
      orderQuery(
        withRefunds([
          refund('r1', {
            status: 'SUCCEEDED',
            failureReason: null,
            channelRefundNo: 'BANK-778',
            settledAt: '2024-03-04T02:00:00Z',
            settledOffline: true,
            allowedActions: [
              offered('RETRY_REFUND', false, 'STATE_FORBIDS'),
              offered('SETTLE_REFUND_OFFLINE', false, 'STATE_FORBIDS'),
            ],
          }),
        ]),
      ),
    ]);
    const [row] = await screen.findAllByTestId('order-refund');
    fireEvent.click(within(row!).getByTestId('action-SETTLE_REFUND_OFFLINE'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('settle-reference'), { target: { value: 'BANK-778' } });
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '已转账' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-result')).textContent).toBe(
      '已线下结清：参考号 BANK-778，2024-03-04 10:00:00。',
    );
    await waitFor(() =>
      expect(within(screen.getByTestId('order-refund')).getByTestId('refund-channel-no').textContent).toBe(
        'BANK-778',
      ),
    );
    expect(screen.getByTestId('order-refund').textContent).toContain('线下结清');
  });
});
