import type { Locator, Page } from '@playwright/test';

/** The app bar's one search box (docs/console.md "Search"). */
export class SearchBox {
  readonly input: Locator;
  readonly message: Locator;
  readonly results: Locator;

  constructor(private readonly page: Page) {
    this.input = page.getByTestId('search-input');
    this.message = page.getByTestId('search-message');
    this.results = page.getByTestId('search-results');
  }

  /** Types a key and submits it with Enter. */
  async search(key: string): Promise<void> {
    await this.input.fill(key);
    await this.input.press('Enter');
  }

  /** Focuses the box with the keyboard shortcut. */
  async focusWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+k');
  }
}
