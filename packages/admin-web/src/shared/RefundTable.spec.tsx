import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage } from '@/testing/render';
import { RefundTable, type DetailedRefundRow } from './RefundTable';

afterEach(cleanup);

const refund: DetailedRefundRow = {
  id: 'r1',
  method: 'GIFT_CARD',
  status: 'PENDING',
  subOrderNumber: null,
  amount: { yuan: '1234.50' },
  reason: '客户取消',
  createdAt: '2024-03-01T01:00:00Z',
};

describe('RefundTable', () => {
  it('lists each refund per instrument; the details add the reason and when', () => {
    renderPage(<RefundTable refunds={[refund]} detailed label="退款" empty="暂无退款。" />, {
      path: '/',
      url: '/',
    });
    const table = screen.getByRole('table', { name: '退款' });
    const cells = within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['礼品卡', '¥1,234.50', '处理中', '整单', '客户取消', '2024-03-01 09:00:00']);
  });

  it('leaves the details out unless asked, and marks rows for tests when told', () => {
    renderPage(
      <RefundTable refunds={[refund]} label="已发起的退款" empty="未发起退款。" rowTestId="refund" />,
      {
        path: '/',
        url: '/',
      },
    );
    expect(within(screen.getByTestId('refund')).getAllByRole('cell')).toHaveLength(4);
    expect(screen.getAllByRole('columnheader')).toHaveLength(4);
  });

  it('says so when there is none', () => {
    renderPage(<RefundTable refunds={[]} label="退款" empty="暂无退款。" />, { path: '/', url: '/' });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('暂无退款。')).toBeTruthy();
  });
});
