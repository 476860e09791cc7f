import { dammCheckDigit } from '@oms/schema';
import { expect, test } from '../fixtures/roles.js';
import { OrderDetailPage } from '../pages/order-detail.page.js';
import { SearchBox } from '../pages/search.page.js';

test.describe('an agent looks up an order', () => {
  test('by order number, and sees the timeline and the masked phone', async ({ page, shippedOrder }) => {
    await page.goto('/');
    await new SearchBox(page).search(shippedOrder.number);
    const detail = new OrderDetailPage(page);
    await expect(detail.number).toHaveText(shippedOrder.number);
    await expect(detail.timelineEntries.first()).toBeVisible();
    expect(await detail.timelineEntries.count()).toBeGreaterThan(3);
    await expect(detail.phone).toHaveText(shippedOrder.maskedPhone);
    await expect(detail.phone).not.toContainText(shippedOrder.phone);
  });

  for (const key of ['subOrderNumber', 'trackingNumber', 'phone'] as const) {
    test(`by ${key}`, async ({ page, shippedOrder }) => {
      await page.goto('/');
      const search = new SearchBox(page);
      await search.focusWithShortcut();
      await expect(search.input).toBeFocused();
      await search.search(shippedOrder[key]);
      const detail = new OrderDetailPage(page);
      // A phone may match several orders: the short list links to each. Wait for either answer before looking.
      if (key === 'phone') {
        await expect(detail.number.or(search.results)).toBeVisible();
        if (await search.results.isVisible()) await search.results.getByText(shippedOrder.number).click();
      }
      await expect(detail.number).toHaveText(shippedOrder.number);
    });
  }

  test('reveals the phone with a reason', async ({ page, shippedOrder }) => {
    const detail = new OrderDetailPage(page);
    await detail.open(shippedOrder.number);
    await expect(detail.phone).toHaveText(shippedOrder.maskedPhone);
    await detail.reveal('客户来电核对收货信息');
    await expect(detail.phone).toHaveText(shippedOrder.phone);
    await expect(page.getByTestId('receiver-address')).not.toContainText('****');
  });

  test('is told a mistyped order number has a wrong check digit', async ({ page, shippedOrder }) => {
    const digits = shippedOrder.number.split('');
    const last = Number(digits[15]);
    digits[15] = String((last + 1) % 10);
    const typo = digits.join('');
    expect(dammCheckDigit(typo.slice(0, 15))).not.toBe(Number(digits[15]));
    await page.goto('/');
    const search = new SearchBox(page);
    await search.search(typo);
    await expect(search.message).toHaveText('订单号校验位错误，请核对');
  });
});
