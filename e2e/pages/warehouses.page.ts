import type { Locator, Page } from '@playwright/test';

/** The warehouses screen (docs/console.md "Warehouses"): load, late and stuck sub-orders, re-routing them in bulk. */
export class WarehousesPage {
  readonly load: Locator;
  readonly lateTable: Locator;
  readonly outOfStockTable: Locator;
  readonly outOfStockRows: Locator;
  readonly rerouteButton: Locator;
  readonly selectedCount: Locator;
  /** The last re-route's results, kept on the page after its dialog closes. */
  readonly bulkResults: Locator;

  constructor(readonly page: Page) {
    this.load = page.getByTestId('warehouses-load');
    this.lateTable = page.getByTestId('late-table');
    this.outOfStockTable = page.getByTestId('out-of-stock-table');
    this.outOfStockRows = this.outOfStockTable.getByTestId('out-of-stock-row');
    this.rerouteButton = page.getByTestId('reroute-button');
    this.selectedCount = page.getByTestId('reroute-selected');
    this.bulkResults = page.getByTestId('bulk-results');
  }

  async open(): Promise<void> {
    await this.page.goto('/warehouses');
  }

  /** The out-of-stock row of a sub-order (rows carry their sub-order number). */
  outOfStockRow(subOrderNumber: string): Locator {
    return this.outOfStockTable.locator(`[data-testid="out-of-stock-row"][data-number="${subOrderNumber}"]`);
  }

  /** Ticks a sub-order in the out-of-stock list. */
  async selectOutOfStock(subOrderNumber: string): Promise<void> {
    await this.outOfStockRow(subOrderNumber).getByRole('checkbox').check();
  }
}
