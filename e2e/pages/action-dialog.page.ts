import type { Locator, Page } from '@playwright/test';

/**
 * The confirm dialog every action shares (`ActionDialog`): what it touches, a required reason, confirm, then the
 * result (`action-result`) or the server's refusal (`action-error`).
 */
export class ActionDialog {
  readonly dialog: Locator;
  readonly reason: Locator;
  readonly confirm: Locator;
  readonly result: Locator;
  readonly error: Locator;
  /** The target warehouse of a re-route (a native select). */
  readonly warehouse: Locator;
  readonly stockLines: Locator;
  /** Per-sub-order outcomes of an order action (cancel, intercept). */
  readonly outcomes: Locator;
  /** The refunds a cancel started. */
  readonly refunds: Locator;
  /** Per-item results of a bulk action. */
  readonly bulkResults: Locator;
  readonly close: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
    this.reason = this.dialog.getByTestId('action-reason');
    this.confirm = this.dialog.getByTestId('action-confirm');
    this.result = this.dialog.getByTestId('action-result');
    this.error = this.dialog.getByTestId('action-error');
    this.warehouse = this.dialog.getByTestId('reassign-warehouse');
    this.stockLines = this.dialog.getByTestId('stock-line');
    this.outcomes = this.result.getByTestId('action-outcome');
    this.refunds = this.result.getByTestId('action-refund');
    this.bulkResults = this.result.getByTestId('bulk-result');
    this.close = this.dialog.getByRole('button', { name: '关闭' });
  }

  /** Types the reason and confirms. */
  async confirmWith(reason: string): Promise<void> {
    await this.reason.fill(reason);
    await this.confirm.click();
  }
}
