import { consoleMoney } from '../fixtures/orders.js';
import { refundState } from '../fixtures/refunds.js';
import { expect, test } from '../fixtures/roles.js';
import { ActionDialog } from '../pages/action-dialog.page.js';
import { AppShell } from '../pages/app-shell.page.js';
import { OrderDetailPage } from '../pages/order-detail.page.js';
import { RefundsPage } from '../pages/refunds.page.js';

test.describe('ops', () => {
  test.use({ role: 'OPS' });

  test('sends a refund its channel refused again, and sees attempt 2 pending', async ({
    page,
    api,
    failedRefund,
  }) => {
    const { refundId, orderNumber } = failedRefund;
    expect(await refundState(api, orderNumber, refundId)).toMatchObject({ status: 'FAILED', attempt: 1 });

    await page.goto('/');
    await new AppShell(page).navLink('/refunds').click();
    const refunds = new RefundsPage(page);
    await expect(refunds.row(refundId)).toBeVisible();
    await expect(refunds.row(refundId)).toHaveAttribute('data-order', orderNumber);
    await expect(refunds.reason(refundId)).toHaveText(failedRefund.reason);
    await expect(refunds.attempt(refundId)).toHaveText('1');
    await expect(refunds.row(refundId)).toContainText('支付宝');
    await expect(refunds.row(refundId)).toContainText(consoleMoney(failedRefund.amountFen));
    // Settling offline is a manager's: ops are not offered it.
    await expect(refunds.action(refundId, 'SETTLE_REFUND_OFFLINE')).toHaveCount(0);

    await refunds.action(refundId, 'RETRY_REFUND').click();
    const dialog = new ActionDialog(page);
    await expect(dialog.dialog.getByTestId('refund-summary')).toContainText(orderNumber);
    await expect(dialog.dialog.getByTestId('refund-summary')).toContainText(failedRefund.reason);
    await dialog.confirmWith('客户已更换收款账户，重新退款');
    await expect(dialog.result).toHaveText('已重新发送：第 2 次尝试，处理中。');
    await dialog.close.click();
    await expect(dialog.dialog).toBeHidden();
    // Pending again, it has left the failed list…
    await expect(refunds.row(refundId)).toHaveCount(0);

    // …and its order shows attempt 2, pending.
    const detail = new OrderDetailPage(page);
    await detail.open(orderNumber);
    const refund = detail.refund(refundId);
    await expect(refund.getByTestId('refund-attempt')).toHaveText('第 2 次尝试');
    await expect(refund.getByTestId('refund-status')).toHaveText('处理中');
    await expect(detail.timelineEntries.filter({ hasText: '重新发送退款：支付宝' })).toContainText(
      '第 2 次尝试',
    );
    await expect(detail.timelineEntries.filter({ hasText: '退款失败：支付宝' })).toContainText(
      failedRefund.reason,
    );
    expect(await refundState(api, orderNumber, refundId)).toMatchObject({ status: 'PENDING', attempt: 2 });
  });
});
