import type { Locator, Page } from '@playwright/test';

/** The refunds screen (docs/console.md "Refunds"): failed refunds, sent again one by one or in bulk. */
export class RefundsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly selectAll: Locator;
  readonly selectedCount: Locator;
  readonly bulkRetry: Locator;
  /** The last bulk re-send's results, kept on the page after its dialog closes. */
  readonly bulkResults: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('refunds-table');
    this.rows = this.table.getByTestId('refund-row');
    this.selectAll = page.getByTestId('refunds-select-all');
    this.selectedCount = page.getByTestId('refunds-selected');
    this.bulkRetry = page.getByTestId('bulk-retry');
    this.bulkResults = page.getByTestId('bulk-results');
  }

  async open(): Promise<void> {
    await this.page.goto('/refunds');
  }

  /** The row of one refund (rows carry their refund id). */
  row(refundId: string): Locator {
    return this.table.locator(`[data-testid="refund-row"][data-id="${refundId}"]`);
  }

  /** The channel's reason shown for a refund. */
  reason(refundId: string): Locator {
    return this.row(refundId).getByTestId('refund-reason');
  }

  /** The attempt shown for a refund. */
  attempt(refundId: string): Locator {
    return this.row(refundId).getByTestId('refund-attempt');
  }

  /** One action button of a refund's row, e.g. `RETRY_REFUND`. */
  action(refundId: string, action: string): Locator {
    return this.row(refundId).getByTestId(`action-${action}`);
  }
}
