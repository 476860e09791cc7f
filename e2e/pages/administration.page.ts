import type { Locator, Page } from '@playwright/test';

/** The staff accounts section of the administration area (docs/console.md "Administration"). */
export class StaffAdminPage {
  readonly table: Locator;
  readonly create: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('staff-table');
    this.create = page.getByTestId('staff-create');
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/staff');
  }

  /** The row of one account (rows carry the username). */
  row(username: string): Locator {
    return this.table.locator(`[data-testid="staff-row"][data-username="${username}"]`);
  }

  /** One action of an account's row: `setRole`, `resetPassword`, `disable` or `enable`. */
  action(username: string, action: string): Locator {
    return this.row(username).getByTestId(`staff-${action}`);
  }
}

/** The API keys section. */
export class ApiKeysAdminPage {
  readonly table: Locator;
  readonly create: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('api-keys-table');
    this.create = page.getByTestId('api-key-create');
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/api-keys');
  }

  /** The row of one key (rows carry the key's name). */
  row(name: string): Locator {
    return this.table.locator(`[data-testid="api-key-row"][data-name="${name}"]`);
  }
}

/** The audit log viewer. */
export class AuditLogPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly staffFilter: Locator;
  readonly orderFilter: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('audit-table');
    this.rows = this.table.getByTestId('audit-row');
    this.staffFilter = page.getByTestId('audit-filter-staff');
    this.orderFilter = page.getByTestId('audit-filter-order');
  }

  async open(search = ''): Promise<void> {
    await this.page.goto(`/admin/audit${search ? `?${search}` : ''}`);
  }

  /** The rows of one action (rows carry it), e.g. `CREATE_STAFF`. */
  rowsOf(action: string): Locator {
    return this.table.locator(`[data-testid="audit-row"][data-action="${action}"]`);
  }
}
