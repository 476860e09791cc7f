import type { Locator, Page } from '@playwright/test';

/** The order detail page (docs/console.md "Order detail"). */
export class OrderDetailPage {
  readonly number: Locator;
  readonly status: Locator;
  readonly subOrderCards: Locator;
  readonly subOrderStatuses: Locator;
  /** The order's own action buttons (not the sub-orders'). */
  readonly orderActions: Locator;
  readonly timeline: Locator;
  readonly timelineEntries: Locator;
  readonly phone: Locator;
  readonly revealButton: Locator;
  readonly revealReason: Locator;
  readonly revealConfirm: Locator;
  /** The rows of the order's refunds table (payments section, `RefundTable`), one per refund. */
  readonly refundRows: Locator;

  constructor(readonly page: Page) {
    this.number = page.getByTestId('order-number');
    this.status = page.getByTestId('order-status');
    this.subOrderCards = page.getByTestId('suborder-card');
    this.subOrderStatuses = this.subOrderCards.getByTestId('suborder-status');
    this.orderActions = page.getByTestId('order-actions');
    this.timeline = page.getByTestId('timeline');
    this.timelineEntries = page.getByTestId('timeline-entry');
    this.phone = page.getByTestId('receiver-phone');
    this.revealButton = page.getByTestId('reveal-button');
    this.revealReason = page.getByTestId('reveal-reason');
    this.revealConfirm = page.getByTestId('reveal-confirm');
    this.refundRows = page.getByRole('table', { name: '退款', exact: true }).locator('tbody tr');
  }

  async open(number: string): Promise<void> {
    await this.page.goto(`/orders/${number}`);
  }

  /** One action button of the order's own group, e.g. `CANCEL`. */
  orderAction(action: string): Locator {
    return this.orderActions.getByTestId(`action-${action}`);
  }

  /** Every button of an action on the page: the order's and each sub-order card's. */
  anyAction(action: string): Locator {
    return this.page.getByTestId(`action-${action}`);
  }

  /** The refund rows whose status chip reads `status` (zh-CN `refundStatus`: 处理中, 已退款, 失败). */
  refundsWithStatus(status: string): Locator {
    return this.refundRows.filter({ has: this.page.getByText(status, { exact: true }) });
  }

  /** One refund in the order's payments (rows carry their refund id). */
  refund(refundId: string): Locator {
    return this.page.locator(`[data-testid="order-refund"][data-id="${refundId}"]`);
  }

  /** Reveals the receiver's data with a reason. */
  async reveal(reason: string): Promise<void> {
    await this.revealButton.click();
    await this.revealReason.fill(reason);
    await this.revealConfirm.click();
  }
}
