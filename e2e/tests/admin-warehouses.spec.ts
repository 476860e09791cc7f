import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { orderState, placePaidOrder, uniqueDigits } from '../fixtures/orders.js';
import { expect as baseExpect, test } from '../fixtures/roles.js';
import { ActionDialog } from '../pages/action-dialog.page.js';
import { AdminWarehousesPage } from '../pages/admin-warehouses.page.js';
import { AppShell } from '../pages/app-shell.page.js';
import { PaymentChannelsPage } from '../pages/payment-channels.page.js';

// docs/console.md "Administration": an admin creates a warehouse, sets its stock, takes it offline (routing then skips
// it, its open sub-order stays), and edits a payment channel; axe (WCAG 2 A/AA) on each screen and dialog on the way.

/** Screenshots of the screens, for people to look at (not compared). */
const SHOTS = '/tmp/admin-shots';
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Pages and dialogs load their data; on a busy machine (two other test runs beside this one) that can take a while.
const expect = baseExpect.configure({ timeout: 30_000 });

async function expectNoViolations(page: Page, what: string): Promise<void> {
  // A dialog is measured once it has faded in (a half-transparent frame is nobody's reading).
  if (await page.getByRole('dialog').count())
    await expect(page.locator('.MuiDialog-container')).toHaveCSS('opacity', '1');
  const results = await new AxeBuilder({ page }).withTags(WCAG_A_AA).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
  expect(found, `${what}: axe violations`).toEqual([]);
}

/** A 陕西 receiver: region NORTHWEST, where the demo network has no warehouse until the test makes one. */
const SHAANXI = { province: '陕西省', city: '西安市', district: '雁塔区' };
const SKU = 'SKU-100008';
const LINE = [{ sku: SKU, title: '三只松鼠 每日坚果', quantity: 1, salePriceFen: 9990 }];

test.describe('an admin', () => {
  test.use({ role: 'ADMIN' });
  test.describe.configure({ timeout: 300_000 });

  test('creates a warehouse, sets its stock, and takes it offline', async ({ page, api, storefront }) => {
    const code = `XA${uniqueDigits(6)}`;
    const name = `西安测试仓 ${code}`;
    const admin = new AdminWarehousesPage(page);

    await page.goto('/');
    await new AppShell(page).openAdminPage('/admin/warehouses');
    await expect(page).toHaveURL(/\/admin\/warehouses$/);
    await expect(admin.row('BJ01')).toBeVisible({ timeout: 60_000 });
    await expect(admin.row('BJ01').getByTestId('admin-warehouse-status')).toHaveText('启用');
    await expectNoViolations(page, 'warehouse administration');
    await shot(page, 'wh-01-list');

    // Create: the form shows every gap at once, then takes the warehouse.
    await admin.create.click();
    await expect(admin.form).toBeVisible();
    await admin.dialog.getByTestId('action-confirm').click();
    await expect(admin.dialog.getByText('请填写此项。').first()).toBeVisible();
    await admin.field('code').fill(code);
    await admin.field('name').fill(name);
    await admin.field('province').selectOption('陕西省');
    await expect(admin.field('region')).toHaveValue('NORTHWEST');
    await admin.field('city').fill('西安市');
    await admin.field('address').fill('灞桥区港务大道 99 号');
    await admin.field('slaAcceptMinutes').fill('45');
    await admin.field('cutoffLocalTime').fill('7:5');
    await admin.field('endpointUrl').fill('http://127.0.0.1:9/wms');
    await admin.field('secret').fill('xian-test-secret-0001');
    await admin.field('capability-OVERSIZE').check();
    await admin.dialog.getByTestId('action-confirm').click();
    await expect(admin.dialog.getByText('请按 HH:mm 填写 00:00–23:59 之间的时间，如 17:30。')).toBeVisible();
    await admin.field('cutoffLocalTime').fill('17:30');
    await expectNoViolations(page, 'new warehouse form');
    await shot(page, 'wh-02-create-form');
    await admin.dialog.getByTestId('action-confirm').click();
    await expect(admin.dialog.getByTestId('action-result')).toHaveText(`已保存仓库 ${name}（${code}）。`);
    await admin.dialog.getByRole('button', { name: '关闭' }).click();
    const row = admin.row(code);
    await expect(row.getByTestId('admin-warehouse-status')).toHaveText('启用');
    await expect(row.getByTestId('admin-warehouse-cutoff')).toHaveText('17:30');
    await expect(row.getByTestId('admin-warehouse-sla')).toHaveText('45 分钟');
    await expect(row.getByTestId('admin-warehouse-endpoint')).toHaveText('http://127.0.0.1:9/wms');
    await expect(row).toContainText('西北');
    await expect(row).toContainText('密钥已设置');

    // Stock: a sku it did not have; then an order from 陕西 goes there and holds one unit.
    await row.getByTestId('admin-warehouse-stock').click();
    await expect(admin.dialog.getByText('该仓还没有库存。')).toBeVisible();
    await admin.dialog.getByTestId('stock-sku').fill(SKU);
    await admin.dialog.getByTestId('stock-on-hand').fill('120');
    await admin.dialog.getByTestId('stock-set').click();
    await expect(admin.dialog.getByTestId('stock-result')).toHaveText(`已将 ${SKU} 的在库数量设为 120。`);
    await expect(admin.stockRow(SKU).getByTestId('stock-row-available')).toHaveText('120');
    const routed = await placePaidOrder(storefront, api, { lines: LINE, place: SHAANXI });
    expect(routed.subOrders.map((s) => s.warehouseCode)).toEqual([code]);
    await admin.dialog.getByTestId('stock-close').click();
    await row.getByTestId('admin-warehouse-stock').click();
    await expect(admin.stockRow(SKU).getByTestId('stock-row-reserved')).toHaveText('1');
    await expect(admin.stockRow(SKU).getByTestId('stock-row-available')).toHaveText('119');
    // On hand never below what is reserved: the server refuses, and says why.
    await admin
      .stockRow(SKU)
      .getByRole('button', { name: `编辑 ${SKU}` })
      .click();
    await expect(admin.dialog.getByText('不得少于已预留的 1 件。')).toBeVisible();
    await admin.dialog.getByTestId('stock-on-hand').fill('0');
    await admin.dialog.getByTestId('stock-set').click();
    await expect(admin.dialog.getByTestId('stock-error')).toHaveText(
      '操作被拒绝（BAD_USER_INPUT）：onHand: 1 units are reserved; on hand cannot go below that',
    );
    await expect(admin.stockRow(SKU).getByTestId('stock-row-on-hand')).toHaveText('120');
    await expectNoViolations(page, 'stock dialog with a refusal');
    await shot(page, 'wh-03-stock-refused');
    await admin.dialog.getByTestId('stock-close').click();

    // Offline: the dialog says its open sub-order stays until moved; routing then skips it.
    await expect(row.getByTestId('admin-warehouse-open')).toHaveText('1 个');
    await row.getByTestId('admin-warehouse-toggle').click();
    const dialog = new ActionDialog(page);
    await expect(dialog.dialog.getByRole('heading')).toHaveText(`停用仓库 ${name}（${code}）`);
    await expect(dialog.dialog.getByTestId('warehouse-open-sub-orders')).toContainText(
      '该仓现有 1 个未完成子单（未发货），停用后仍留在该仓，需运营转仓。',
    );
    await dialog.reason.fill('暴雨停工');
    await expectNoViolations(page, 'take offline dialog');
    await shot(page, 'wh-04-offline-confirm');
    await dialog.confirm.click();
    await expect(dialog.result).toHaveText(`已停用 ${name}：不再接收新子单。`);
    await dialog.close.click();
    await expect(row.getByTestId('admin-warehouse-status')).toHaveText('已停用');
    await expect(row.getByTestId('admin-warehouse-toggle')).toHaveText('启用');
    await shot(page, 'wh-05-offline-list');

    const elsewhere = await placePaidOrder(storefront, api, { lines: LINE, place: SHAANXI });
    expect(elsewhere.subOrders[0]!.warehouseCode).not.toBe(code);
    expect(elsewhere.subOrders[0]!.warehouseCode).not.toBeNull();
    const stayed = await orderState(api, routed.number);
    expect(stayed.subOrders.map((s) => s.warehouse?.code)).toEqual([code]);
  });

  test('edits a payment channel: endpoint shown, secret write-only, who changed it', async ({
    page,
    api,
  }) => {
    await page.goto('/');
    await new AppShell(page).openAdminPage('/admin/payment-channels');
    const channels = new PaymentChannelsPage(page);
    await expect(channels.row('UNIONPAY')).toBeVisible();
    await expect(channels.table.getByTestId('channel-row')).toHaveCount(6);
    await expectNoViolations(page, 'payment channels');

    await channels.row('UNIONPAY').getByRole('button', { name: '编辑银联渠道' }).click();
    await expect(channels.secret).toHaveValue('');
    await expect(channels.secret).toHaveAttribute('type', 'password');
    const endpoint = `http://127.0.0.1:9/unionpay-refunds-${uniqueDigits(6)}`;
    await channels.endpoint.fill(endpoint);
    await channels.secret.fill('short');
    await channels.dialog.getByTestId('action-confirm').click();
    await expect(channels.dialog.getByText('密钥须为 16–256 个字符。')).toBeVisible();
    // The demo's own secret again: the channel keeps answering as the other browser tests expect.
    await channels.secret.fill('demo-payment-secret');
    await expectNoViolations(page, 'payment channel dialog');
    await shot(page, 'wh-06-channel-dialog');
    await channels.dialog.getByTestId('action-confirm').click();
    await expect(channels.dialog.getByTestId('action-result')).toHaveText('已保存银联渠道。');
    await channels.dialog.getByRole('button', { name: '关闭' }).click();
    await expect(channels.row('UNIONPAY').getByTestId('channel-endpoint-shown')).toHaveText(endpoint);
    await expect(channels.row('UNIONPAY').getByTestId('channel-updated')).toContainText('admin · ');
    await shot(page, 'wh-07-channels');

    const { paymentChannels } = await api.query<{
      paymentChannels: { channel: string; endpointUrl: string; hasSecret: boolean; updatedBy: string }[];
    }>('query { paymentChannels { channel endpointUrl hasSecret updatedBy } }');
    expect(paymentChannels.find((c) => c.channel === 'UNIONPAY')).toEqual({
      channel: 'UNIONPAY',
      endpointUrl: endpoint,
      hasSecret: true,
      updatedBy: 'admin',
    });
  });

  test('sees the administration pages in English too, axe-clean', async ({ page }) => {
    await page.addInitScript(() =>
      (globalThis as { localStorage?: { setItem(key: string, value: string): void } }).localStorage?.setItem(
        'oms.console.language',
        'en',
      ),
    );
    await page.goto('/admin/warehouses');
    await expect(page.getByRole('heading', { name: 'Warehouse admin' })).toBeVisible({ timeout: 60_000 });
    await expect(new AdminWarehousesPage(page).row('BJ01')).toBeVisible();
    await expectNoViolations(page, 'warehouse administration (en)');
    await page.goto('/admin/warehouses?dialog=edit&warehouse=BJ01');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoViolations(page, 'edit warehouse form (en)');
    await shot(page, 'wh-08-edit-form-en');
    await page.goto('/admin/payment-channels');
    await expect(new PaymentChannelsPage(page).row('ALIPAY')).toBeVisible();
    await expectNoViolations(page, 'payment channels (en)');
  });
});

test.describe('a manager', () => {
  test.use({ role: 'MANAGER' });

  test('has no warehouse or payment-channel administration, and the pages refuse', async ({ page }) => {
    await page.goto('/');
    const shell = new AppShell(page);
    await shell.navLink('/admin').click();
    await expect(page.getByTestId('admin-nav-audit')).toBeVisible();
    await expect(page.getByTestId('admin-nav-warehouses')).toHaveCount(0);
    await expect(page.getByTestId('admin-nav-payment-channels')).toHaveCount(0);
    await page.goto('/admin/warehouses');
    await expect(page.getByTestId('forbidden')).toBeVisible();
  });
});
