import type { Locator, Page } from '@playwright/test';

/** Warehouse administration (docs/console.md "Administration"): the list, its form, stock and offline dialogs. */
export class AdminWarehousesPage {
  readonly table: Locator;
  readonly create: Locator;
  readonly dialog: Locator;
  /** The create / edit form inside the dialog. */
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('admin-warehouses-table');
    this.create = page.getByTestId('admin-warehouse-create');
    this.dialog = page.getByRole('dialog');
    this.form = this.dialog.getByTestId('warehouse-form');
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/warehouses');
  }

  /** The row of one warehouse (rows carry their code). */
  row(code: string): Locator {
    return this.table.locator(`[data-testid="admin-warehouse-row"][data-code="${code}"]`);
  }

  /** One field of the form, by the name the API gives it (e.g. `cutoffLocalTime`). */
  field(name: string): Locator {
    return this.dialog.getByTestId(`warehouse-${name}`);
  }

  /** The stock dialog's row of one sku. */
  stockRow(sku: string): Locator {
    return this.dialog.locator(`[data-testid="stock-row"][data-sku="${sku}"]`);
  }
}
