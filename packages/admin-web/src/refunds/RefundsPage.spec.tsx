import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AppShellDocument,
  BulkRetryRefundsDocument,
  FailedRefundsDocument,
  RetryRefundDocument,
  SettleRefundOfflineDocument,
} from '@/gql/graphql';
import type { StaffRole } from '@/gql/schema';
import { renderPage } from '@/testing/render';
import { RefundsPage } from './RefundsPage';

afterEach(cleanup);

const me = (role: StaffRole) => ({
  request: { query: AppShellDocument },
  result: {
    data: { me: { __typename: 'Staff' as const, id: '2', username: 'ops', displayName: '运营小李', role } },
  },
});

type Action = 'RETRY_REFUND' | 'SETTLE_REFUND_OFFLINE';
const offered = (action: Action, enabled = true, reasonCode: string | null = null) => ({
  __typename: 'AllowedAction' as const,
  action,
  enabled,
  reasonCode,
});

const refund = (
  id: string,
  extra: Partial<{
    method: 'ALIPAY' | 'WECHAT_PAY';
    status: 'FAILED' | 'PENDING';
    attempt: number;
    deliveryState: 'SENT' | 'DEAD_LETTER' | 'PENDING';
    failureReason: string | null;
    lastError: string | null;
    subOrderNumber: string | null;
    allowedActions: ReturnType<typeof offered>[];
  }> = {},
) => ({
  __typename: 'Refund' as const,
  id,
  orderNumber: `24030112345678${id.padStart(2, '0')}`,
  subOrderNumber: null,
  method: 'ALIPAY' as const,
  status: 'FAILED' as const,
  attempt: 1,
  deliveryState: 'SENT' as const,
  failureReason: '账户已注销',
  lastError: null,
  createdAt: '2024-03-01T01:00:00Z',
  amount: { __typename: 'Money' as const, yuan: '69.90' },
  allowedActions: [offered('RETRY_REFUND')],
  ...extra,
});

const FAILED = refund('41', { subOrderNumber: '2403011234567891' });
const UNDELIVERED = refund('42', {
  method: 'WECHAT_PAY',
  status: 'PENDING',
  deliveryState: 'DEAD_LETTER',
  failureReason: null,
  lastError: 'the WECHAT_PAY channel answered 503',
});

const list = (nodes: ReturnType<typeof refund>[], after: string | null = null) => ({
  request: { query: FailedRefundsDocument, variables: { after } },
  result: {
    data: {
      failedRefunds: {
        __typename: 'RefundConnection' as const,
        edges: nodes.map((node) => ({ __typename: 'RefundEdge' as const, cursor: `c${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: after === null, endCursor: 'c42' },
      },
    },
  },
});

function open(role: StaffRole, mocks: Parameters<typeof renderPage>[1]['mocks'] = []) {
  return renderPage(<RefundsPage />, { path: '/refunds', url: '/refunds', mocks: [me(role), ...mocks!] });
}

describe('the failed refunds page', () => {
  it('lists each failed refund with the channel’s reason, its order, attempt and what may be done', async () => {
    open('OPS', [list([FAILED, UNDELIVERED])]);
    const rows = await screen.findAllByTestId('refund-row');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['41', '42']);
    const [failed, undelivered] = rows as [HTMLElement, HTMLElement];
    expect(within(failed).getByTestId('refund-order').getAttribute('href')).toBe(
      `/orders/${FAILED.orderNumber}?subOrder=2403011234567891`,
    );
    expect(failed.textContent).toContain('子单 2403011234567891');
    expect(within(failed).getByTestId('refund-reason').textContent).toBe('账户已注销');
    expect(within(failed).getByTestId('refund-attempt').textContent).toBe('1');
    expect(failed.textContent).toContain('支付宝');
    expect(failed.textContent).toContain('¥69.90');
    expect(failed.textContent).toContain('2024-03-01 09:00:00');
    expect(within(failed).getByTestId('refund-status').textContent).toBe('失败');
    // Undelivered: the delivery's error stands for the channel's reason, and the row says it never arrived.
    expect(within(undelivered).getByTestId('refund-reason').textContent).toBe(
      'the WECHAT_PAY channel answered 503',
    );
    expect(within(undelivered).getByTestId('refund-dead-letter').textContent).toBe(
      '发送渠道失败，已停止重试',
    );
    // Ops may send again; settling offline is not offered to their role.
    expect(within(failed).getByTestId('action-RETRY_REFUND')).toHaveProperty('disabled', false);
    expect(within(failed).queryByTestId('action-SETTLE_REFUND_OFFLINE')).toBeNull();
    expect(screen.getByRole('navigation', { name: '失败退款分页' })).toBeTruthy();
  });

  it('sends the selected refunds again with one reason, and keeps each result on the page', async () => {
    const reason = '渠道已恢复，重新退款';
    const unselectable = refund('43', {
      allowedActions: [offered('RETRY_REFUND', false, 'REFUND_IN_FLIGHT')],
    });
    open('OPS', [
      list([FAILED, UNDELIVERED, unselectable]),
      {
        request: {
          query: BulkRetryRefundsDocument,
          variables: (v: { input: { refundIds: string[]; reason: string } }) =>
            JSON.stringify(v.input.refundIds) === '["41","42"]' && v.input.reason === reason,
        },
        result: {
          data: {
            bulkRetryRefunds: {
              __typename: 'BulkPayload',
              results: [
                { __typename: 'BulkItemResult', id: '41', ok: true, error: null },
                {
                  __typename: 'BulkItemResult',
                  id: '42',
                  ok: false,
                  error: {
                    __typename: 'BulkItemError',
                    code: 'VERSION_CONFLICT',
                    message: 'Refund 42 was changed by someone else; reload it.',
                  },
                },
              ],
            },
          },
        },
      },
      list([UNDELIVERED, unselectable]),
    ]);
    const rows = await screen.findAllByTestId('refund-row');
    expect(within(rows[2]!).getByRole('checkbox')).toHaveProperty('disabled', true);
    fireEvent.mouseOver(within(rows[2]!).getByTestId('action-RETRY_REFUND-reason'));
    expect(await screen.findByRole('tooltip')).toHaveProperty(
      'textContent',
      '渠道正在处理此退款，请等待渠道结果',
    );
    expect(screen.getByTestId('bulk-retry')).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByTestId('refunds-select-all'));
    expect(screen.getByTestId('refunds-selected').textContent).toBe('已选 2 笔');
    fireEvent.click(screen.getByTestId('bulk-retry'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('重新发送 2 笔退款');
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`${FAILED.orderNumber} · 支付宝 ¥69.90`, `${UNDELIVERED.orderNumber} · 微信支付 ¥69.90`]);
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(await within(dialog).findByText('请填写原因。')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: reason } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    const results = within(await within(dialog).findByTestId('bulk-results')).getAllByTestId('bulk-result');
    expect(results.map((r) => r.getAttribute('data-ok'))).toEqual(['true', 'false']);
    expect(results[1]!.textContent).toContain('VERSION_CONFLICT');
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.getAllByTestId('refund-row')).toHaveLength(2));
    expect(screen.getByTestId('bulk-summary').textContent).toBe('成功 1 条，失败 1 条。');
    expect(screen.getByTestId('refunds-selected').textContent).toBe('已选 0 笔');
  });

  it('sends one refund again from its row, then shows the attempt the server made and reloads', async () => {
    const reason = '客户已更换收款账户';
    open('OPS', [
      list([FAILED, UNDELIVERED]),
      {
        request: {
          query: RetryRefundDocument,
          variables: (v: { input: Record<string, unknown> }) =>
            v.input.refundId === '41' &&
            v.input.reason === reason &&
            typeof v.input.idempotencyKey === 'string',
        },
        result: {
          data: {
            retryRefund: {
              __typename: 'RefundPayload',
              refund: {
                __typename: 'Refund',
                id: '41',
                status: 'PENDING',
                attempt: 2,
                deliveryState: 'PENDING',
                failureReason: null,
                lastError: null,
                allowedActions: [offered('RETRY_REFUND', false, 'STATE_FORBIDS')],
              },
            },
          },
        },
      },
      list([UNDELIVERED]),
    ]);
    const [row] = await screen.findAllByTestId('refund-row');
    fireEvent.click(within(row!).getByTestId('action-RETRY_REFUND'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('重新发送退款：支付宝 ¥69.90');
    const summary = within(dialog).getByTestId('refund-summary');
    expect(summary.textContent).toContain(FAILED.orderNumber);
    expect(summary.textContent).toContain('第 1 次尝试');
    expect(summary.textContent).toContain('账户已注销');
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: reason } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-result')).textContent).toBe(
      '已重新发送：第 2 次尝试，处理中。',
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('refund-row').map((r) => r.getAttribute('data-id'))).toEqual(['42']),
    );
  });

  it('lets a manager settle a refund offline with the transfer reference, both fields required', async () => {
    const managed = refund('41', {
      allowedActions: [offered('RETRY_REFUND'), offered('SETTLE_REFUND_OFFLINE')],
    });
    open('MANAGER', [
      list([managed]),
      {
        request: {
          query: SettleRefundOfflineDocument,
          variables: (v: { input: Record<string, unknown> }) =>
            v.input.refundId === '41' &&
            v.input.reference === 'BANK-20240301-778' &&
            v.input.reason === '已银行转账',
        },
        result: {
          data: {
            settleRefundOffline: {
              __typename: 'RefundPayload',
              refund: {
                __typename: 'Refund',
                id: '41',
                status: 'SUCCEEDED',
                channelRefundNo: 'BANK-20240301-778',
                settledAt: '2024-03-02T02:30:00Z',
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
      list([]),
    ]);
    const [row] = await screen.findAllByTestId('refund-row');
    fireEvent.click(within(row!).getByTestId('action-SETTLE_REFUND_OFFLINE'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('线下结清退款：支付宝 ¥69.90');
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByTestId('settle-reference')));
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '已银行转账' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(await within(dialog).findByText('请填写转账参考号。')).toBeTruthy();
    expect(within(dialog).queryByTestId('action-result')).toBeNull();
    fireEvent.change(within(dialog).getByTestId('settle-reference'), {
      target: { value: ' BANK-20240301-778 ' },
    });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-result')).textContent).toBe(
      '已线下结清：参考号 BANK-20240301-778，2024-03-02 10:30:00。',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    expect(await screen.findByText('没有需要处理的失败退款。')).toBeTruthy();
  });

  it('shows the server’s precise refusal inside the dialog', async () => {
    open('OPS', [
      list([FAILED]),
      {
        request: { query: RetryRefundDocument, variables: () => true },
        result: {
          errors: [
            new GraphQLError('Cannot RETRY a refund in state SUCCEEDED.', {
              extensions: { code: 'INVALID_TRANSITION', currentState: 'SUCCEEDED' },
            }),
          ],
        },
      },
    ]);
    const [row] = await screen.findAllByTestId('refund-row');
    fireEvent.click(within(row!).getByTestId('action-RETRY_REFUND'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '重试' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-error')).textContent).toBe(
      '操作被拒绝（INVALID_TRANSITION）：Cannot RETRY a refund in state SUCCEEDED.',
    );
  });

  it('says what to do when there is nothing to do, or when the list could not be loaded', async () => {
    open('OPS', [list([])]);
    expect(await screen.findByText('没有需要处理的失败退款。')).toBeTruthy();
    expect(screen.getByText('渠道退款失败或发送多次失败时，退款会出现在这里。')).toBeTruthy();
    cleanup();
    open('OPS', [
      {
        request: { query: FailedRefundsDocument, variables: { after: null } },
        error: new TypeError('Failed to fetch'),
      },
      list([FAILED]),
    ]);
    expect(await screen.findByText('无法连接服务器，请检查网络后重试。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByTestId('refund-row')).toBeTruthy();
  });

  it('tells an agent the page is not for their role', async () => {
    open('AGENT');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
