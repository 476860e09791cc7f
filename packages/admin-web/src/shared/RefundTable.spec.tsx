import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage } from '@/testing/render';
import { RefundTable, type DetailedRefundRow } from './RefundTable';

afterEach(cleanup);

const refund: DetailedRefundRow = {
  id: 'r1',
  method: 'ALIPAY',
  status: 'SUCCEEDED',
  subOrderNumber: null,
  amount: { yuan: '1234.50' },
  reason: '客户取消',
  createdAt: '2024-03-01T01:00:00Z',
  attempt: 2,
  deliveryState: 'SENT',
  failureReason: null,
  lastError: null,
  channelRefundNo: 'ALI-R-20240301-9',
  settledAt: '2024-03-01T02:00:00Z',
  settledOffline: false,
  payment: { transactionNo: 'ALI2024030100001' },
};

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('RefundTable', () => {
  it('shows each refund in full: payment serial, status and attempt, channel reference and settle time, why and when', () => {
    renderPage(
      <RefundTable refunds={[refund]} detailed label="退款" empty="暂无退款。" rowTestId="refund" />,
      {
        path: '/',
        url: '/',
      },
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '方式',
      '金额',
      '状态',
      '渠道退款单号',
      '子单',
    ]);
    expect(cellsOf(screen.getByTestId('refund'))).toEqual([
      '支付宝',
      '¥1,234.50',
      '已退款第 2 次尝试',
      'ALI-R-20240301-92024-03-01 10:00:00 结清',
      '整单原支付流水 ALI2024030100001原因：客户取消2024-03-01 09:00:00',
    ]);
  });

  it('says why a refund failed or never reached its channel, words the OVERPAID reason, and marks an offline settlement', () => {
    renderPage(
      <RefundTable
        refunds={[
          {
            ...refund,
            id: 'r2',
            status: 'FAILED',
            channelRefundNo: null,
            settledAt: null,
            failureReason: '账户已注销',
          },
          {
            ...refund,
            id: 'r3',
            status: 'PENDING',
            attempt: 1,
            deliveryState: 'DEAD_LETTER',
            channelRefundNo: null,
            settledAt: null,
            lastError: 'the ALIPAY channel answered 503',
            reason: 'OVERPAID',
          },
          {
            ...refund,
            id: 'r4',
            settledOffline: true,
            channelRefundNo: 'BANK-778',
            payment: null,
            failureReason: '原交易已超过可退款期限',
          },
        ]}
        detailed
        label="退款"
        empty="暂无退款。"
        rowTestId="refund"
        actions={(r) => <button type="button">{`act ${r.id}`}</button>}
      />,
      { path: '/', url: '/' },
    );
    const [failed, undelivered, offline] = screen.getAllByTestId('refund');
    expect(within(failed!).getByTestId('refund-failure').textContent).toBe('渠道原因：账户已注销');
    expect(within(failed!).getByTestId('refund-settled').textContent).toBe('未结清');
    expect(within(undelivered!).getByTestId('refund-delivery').textContent).toBe('发送渠道失败，已停止重试');
    expect(within(undelivered!).getByTestId('refund-failure').textContent).toBe(
      '发送失败：the ALIPAY channel answered 503',
    );
    expect(within(undelivered!).getByTestId('refund-reason').textContent).toBe('原因：多付款项退回');
    expect(offline!.textContent).toContain('线下结清');
    expect(within(offline!).queryByTestId('refund-payment')).toBeNull();
    expect(within(offline!).queryByTestId('refund-failure')).toBeNull();
    expect(within(offline!).getByRole('button').textContent).toBe('act r4');
    expect(screen.getAllByRole('columnheader').at(-1)!.textContent).toBe('操作');
  });

  it('shows instrument, amount, status and sub-order only, unless asked for details', () => {
    renderPage(
      <RefundTable refunds={[refund]} label="已发起的退款" empty="未发起退款。" rowTestId="refund" />,
      {
        path: '/',
        url: '/',
      },
    );
    expect(cellsOf(screen.getByTestId('refund'))).toEqual(['支付宝', '¥1,234.50', '已退款', '整单']);
    expect(screen.getAllByRole('columnheader')).toHaveLength(4);
  });

  it('says so when there is none', () => {
    renderPage(<RefundTable refunds={[]} label="退款" empty="暂无退款。" />, { path: '/', url: '/' });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('暂无退款。')).toBeTruthy();
  });
});
