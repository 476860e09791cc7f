import type { Locator, Page } from '@playwright/test';

/** Payment channel administration (docs/console.md "Administration"): each refund channel and its edit dialog. */
export class PaymentChannelsPage {
  readonly table: Locator;
  readonly dialog: Locator;
  readonly endpoint: Locator;
  readonly secret: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('channels-table');
    this.dialog = page.getByRole('dialog');
    this.endpoint = this.dialog.getByTestId('channel-endpoint');
    this.secret = this.dialog.getByTestId('channel-secret');
  }

  /** The row of one channel, by its payment method (e.g. `UNIONPAY`). */
  row(method: string): Locator {
    return this.table.locator(`[data-testid="channel-row"][data-channel="${method}"]`);
  }
}
