import type { Locator, Page } from '@playwright/test';

/** The signed-in frame of every page: the main navigation the role may use (app/navigation.ts). */
export class AppShell {
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: '主导航' });
  }

  /** The navigation entry leading to `path` (e.g. `/warehouses`). */
  navLink(path: string): Locator {
    return this.nav.locator(`a[href="${path}"]`);
  }

  /** Opens the administration area and its section at `path` (e.g. `/admin/warehouses`) by its tab. */
  async openAdminPage(path: string): Promise<void> {
    await this.navLink('/admin').click();
    await this.page.getByTestId(`admin-nav-${path.replace('/admin/', '')}`).click();
  }
}
