import type { Locator, Page } from '@playwright/test';

/** The interception queue (docs/console.md "Interception queue"): holds waiting for a decision, decided in bulk. */
export class InterceptionQueuePage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly selectAll: Locator;
  readonly bulkRelease: Locator;
  readonly bulkCancel: Locator;
  /** The last bulk decision's results, kept on the page after its dialog closes. */
  readonly bulkResults: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('queue-table');
    this.rows = this.table.getByTestId('queue-row');
    this.selectAll = page.getByTestId('queue-select-all');
    this.bulkRelease = page.getByTestId('bulk-release');
    this.bulkCancel = page.getByTestId('bulk-cancel');
    this.bulkResults = page.getByTestId('bulk-results');
  }

  /** Opens the queue, filtered through the URL (e.g. `{ rule: 'QUANTITY_LIMIT' }`). */
  async open(filters: Record<string, string> = {}): Promise<void> {
    const search = new URLSearchParams(filters).toString();
    await this.page.goto(search ? `/interceptions?${search}` : '/interceptions');
  }

  /** The row of the hold on an order. */
  rowFor(orderNumber: string): Locator {
    return this.rows.filter({
      has: this.page.getByTestId('queue-order').getByText(orderNumber, { exact: true }),
    });
  }

  /** Ticks the row of the hold on an order. */
  async select(orderNumber: string): Promise<void> {
    await this.rowFor(orderNumber).getByRole('checkbox').check();
  }
}
