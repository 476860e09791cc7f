import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { request, type Page } from '@playwright/test';
import { uniqueDigits } from '../fixtures/orders.js';
import { expect, test } from '../fixtures/roles.js';
import { ActionDialog } from '../pages/action-dialog.page.js';
import { ApiKeysAdminPage, AuditLogPage, StaffAdminPage } from '../pages/administration.page.js';
import { AppShell } from '../pages/app-shell.page.js';
import { LoginPage } from '../pages/login.page.js';

// docs/console.md "Administration": an admin creates an agent, who signs in (and is signed out at once when
// disabled); an admin makes an API key, sees it once, the key works, is revoked and refused at once; the audit log shows
// those actions, filtered by the admin who did them. axe on each page and on the key's dialog, in zh-CN and en.

const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LOADED = { timeout: 60_000 };
/** Where to keep screenshots of the pages, when asked (E2E_SHOTS_DIR), for a person to look at. */
const SHOTS = process.env.E2E_SHOTS_DIR;

test.describe.configure({ timeout: 180_000 });

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_A_AA).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
        .join('\n')}`,
  );
  expect(found, `${what}: axe violations`).toEqual([]);
}

/** Waits for the open dialog to finish fading in (axe would measure a half-transparent frame). */
async function dialogShown(page: Page): Promise<void> {
  await expect(page.getByRole('dialog')).toBeVisible(LOADED);
  await expect(page.locator('.MuiDialog-container')).toHaveCSS('opacity', '1');
}

/** A createOrder call with an integration key, as a storefront makes it; the GraphQL errors' codes. */
async function createOrderWith(baseURL: string, key: string): Promise<string[]> {
  const http = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `ApiKey ${key}` } });
  try {
    const id = uniqueDigits(12);
    const response = await http.post('/graphql', {
      data: {
        query: 'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number } } }',
        variables: {
          i: {
            source: 'THIRD_PARTY',
            externalId: `e2e-admin-${id}`,
            customer: { id: `e2e-admin-${id}` },
            receiver: {
              name: '赵六',
              phone: '13600000000',
              province: '上海市',
              city: '上海市',
              district: '静安区',
              address: `密钥路 ${id} 号`,
            },
            lines: [{ sku: 'SKU-100009', title: '金龙鱼 调和油', quantity: 1, salePriceFen: 6990 }],
            freightFen: 0,
          },
        },
      },
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return (body.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN');
  } finally {
    await http.dispose();
  }
}

test.describe('an admin', () => {
  test.use({ role: 'ADMIN' });

  test('creates an agent who signs in, and disabling them signs them out at once', async ({
    page,
    browser,
    baseURL,
  }) => {
    const username = `e2e.agent.${uniqueDigits(6)}`;
    const password = 'e2e agent password 1';
    await page.goto('/');
    await new AppShell(page).navLink('/admin').click();
    await expect(page).toHaveURL(/\/admin\/staff$/);
    const staff = new StaffAdminPage(page);
    await expect(staff.row('admin')).toBeVisible(LOADED);
    await expect(staff.action('admin', 'disable')).toHaveCount(0);

    await staff.create.click();
    const dialog = new ActionDialog(page);
    await dialog.dialog.getByTestId('staff-username').fill(username);
    await dialog.dialog.getByTestId('staff-display-name').fill('客服 测试员');
    await dialog.dialog.getByTestId('staff-password').fill(password);
    await dialog.dialog.getByTestId('staff-role-select').selectOption('AGENT');
    await shot(page, '02-staff-create-dialog');
    await dialog.confirm.click();
    await expect(dialog.dialog.getByTestId('staff-result')).toHaveText(
      `已创建账号 ${username}（客服），现在可以登录。`,
    );
    await dialog.close.click();
    await expect(staff.row(username)).toBeVisible();
    await expect(staff.row(username).getByTestId('staff-role')).toHaveText('客服');
    await expect(staff.row(username)).toContainText('从未登录');

    // The agent signs in through the login page, in a browser of their own, and is not offered administration.
    const agentContext = await browser.newContext({ baseURL });
    const agentPage = await agentContext.newPage();
    await agentPage.goto('/login');
    await new LoginPage(agentPage).signIn(username, password);
    await expect(agentPage.getByTestId('search-input')).toBeVisible(LOADED);
    await expect(new AppShell(agentPage).navLink('/admin')).toHaveCount(0);
    await agentPage.goto('/admin/staff');
    await expect(agentPage.getByTestId('forbidden')).toBeVisible(LOADED);

    await staff.open();
    await expect(staff.row(username)).not.toContainText('从未登录');
    await shot(page, '01-staff-list');
    await staff.action(username, 'disable').click();
    await dialog.confirmWith('离职，停用账号');
    await expect(dialog.dialog.getByTestId('staff-result')).toHaveText(
      `${username} 已停用，其所有登录已结束。`,
    );
    await dialog.close.click();
    await expect(staff.row(username)).toHaveAttribute('data-active', 'false');
    await expect(staff.row(username).getByTestId('staff-status')).toContainText('离职，停用账号');

    // The agent's very next page load finds no session.
    await agentPage.goto('/orders');
    await expect(agentPage).toHaveURL(/\/login/, LOADED);
    await new LoginPage(agentPage).signIn(username, password);
    await expect(agentPage.getByTestId('login-error')).toBeVisible();
    await agentContext.close();

    // The audit log, filtered to this admin: the account created, then disabled.
    const audit = new AuditLogPage(page);
    await audit.open('staff=admin');
    await expect(audit.rows.first()).toHaveAttribute('data-action', 'DISABLE_STAFF', LOADED);
    await expect(audit.rows.first()).toContainText(username);
    await expect(audit.rows.first()).toContainText('离职，停用账号');
    await expect(audit.rowsOf('CREATE_STAFF').filter({ hasText: username })).toHaveCount(1);
    await expect(audit.rowsOf('CREATE_STAFF').filter({ hasText: username })).toContainText('客服');
  });

  test('makes an API key, sees it once, and revokes it: the key works, then is refused at once', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const name = `e2e 店铺 ${uniqueDigits(6)}`;
    const keys = new ApiKeysAdminPage(page);
    await keys.open();
    await expect(keys.table).toBeVisible(LOADED);
    await keys.create.click();
    const dialog = new ActionDialog(page);
    await dialog.dialog.getByTestId('api-key-name').fill(name);
    await expect(dialog.dialog.getByTestId('api-key-scope-orders:create')).toBeChecked();
    await dialog.confirm.click();

    const secret = dialog.dialog.getByTestId('api-key-secret');
    await expect(secret).toHaveValue(/^oms_k_[A-Za-z0-9_-]{43}$/);
    const key = await secret.inputValue();
    await expect(dialog.dialog.getByTestId('api-key-once')).toContainText('唯一一次显示此密钥');
    await dialog.dialog.getByTestId('api-key-copy').click();
    await expect(dialog.dialog.getByText('已复制到剪贴板。')).toBeVisible();
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
    ).toBe(key);
    await dialogShown(page);
    await expectNoViolations(page, 'the new key dialog');
    await shot(page, '03-api-key-shown-once');
    await dialog.close.click();
    await expect(dialog.dialog).toBeHidden();
    // Gone from the page: the list shows its first characters only.
    expect(await page.content()).not.toContain(key);
    await expect(keys.row(name).getByTestId('api-key-prefix')).toHaveText(`${key.slice(0, 10)}…`);

    expect(await createOrderWith(baseURL!, key)).toEqual([]);

    await keys.row(name).getByTestId('api-key-revoke').click();
    await dialog.confirmWith('对接方更换系统，撤销旧密钥');
    await expect(dialog.dialog.getByTestId('api-key-result')).toHaveText(`密钥「${name}」已撤销。`);
    await dialog.close.click();
    await expect(keys.row(name).getByTestId('api-key-status')).toHaveText('已撤销');
    await expect(keys.row(name)).toContainText('对接方更换系统，撤销旧密钥');
    await shot(page, '04-api-keys-list');
    expect(await createOrderWith(baseURL!, key)).toEqual(['UNAUTHENTICATED']);

    // The audit log, filtered to this admin: the key made and revoked, newest first.
    const audit = new AuditLogPage(page);
    await audit.open();
    await audit.staffFilter.fill('admin');
    await audit.staffFilter.press('Enter');
    await expect(page).toHaveURL(/staff=admin/);
    await expect(audit.rows.first()).toBeVisible(LOADED);
    await expect(audit.rows.first()).toHaveAttribute('data-action', 'REVOKE_API_KEY');
    await expect(audit.rows.first()).toContainText(name);
    await expect(audit.rows.first()).toContainText('对接方更换系统，撤销旧密钥');
    await expect(audit.rowsOf('CREATE_API_KEY').filter({ hasText: name })).toHaveCount(1);
    await expect(audit.rowsOf('CREATE_API_KEY').filter({ hasText: name })).toContainText('创建订单');
    // Every row is the admin's once the filtered page has replaced the unfiltered one (its first row is the same).
    await expect
      .poll(async () => [
        ...new Set(await audit.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-username')))),
      ])
      .toEqual(['admin']);
    await shot(page, '05-audit-log-filtered');

    // Narrowed further to one action through its select, kept in the URL.
    await page.getByLabel('操作', { exact: true }).click();
    await page.getByRole('option', { name: '撤销 API 密钥' }).click();
    await expect(page).toHaveURL(/action=REVOKE_API_KEY/);
    await expect(audit.rowsOf('CREATE_API_KEY')).toHaveCount(0);
    await expect(audit.rowsOf('REVOKE_API_KEY').filter({ hasText: name })).toHaveCount(1);
  });
});

test.describe('a manager', () => {
  test.use({ role: 'MANAGER' });

  test('reads the audit log but is not offered staff or keys', async ({ page }) => {
    await page.goto('/');
    await new AppShell(page).navLink('/admin').click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(page.getByTestId('admin-nav-staff')).toHaveCount(0);
    await expect(page.getByTestId('admin-nav-api-keys')).toHaveCount(0);
    await expect(new AuditLogPage(page).rows.first()).toBeVisible(LOADED);
    await page.goto('/admin/staff');
    await expect(page.getByTestId('forbidden')).toBeVisible(LOADED);
  });
});

for (const language of ['zh-CN', 'en'] as const) {
  test.describe(`axe in ${language}`, () => {
    test.use({ role: 'ADMIN' });

    test('staff, API keys and audit log pages', async ({ page }) => {
      await page.addInitScript((value) => {
        (
          globalThis as { localStorage?: { setItem(key: string, value: string): void } }
        ).localStorage?.setItem('oms.console.language', value);
      }, language);
      const suffix = language === 'en' ? '-en' : '';
      await page.goto('/admin/staff');
      await expect(page.getByTestId('staff-row').first()).toBeVisible(LOADED);
      await expectNoViolations(page, 'staff accounts');
      if (language === 'en') await shot(page, `01-staff-list${suffix}`);
      await page.getByTestId('staff-row').first().getByTestId('staff-setRole').click();
      await dialogShown(page);
      await expectNoViolations(page, 'change role dialog');
      await page.keyboard.press('Escape');
      await page.goto('/admin/api-keys');
      await expect(page.getByTestId('api-key-row').first()).toBeVisible(LOADED);
      await expectNoViolations(page, 'API keys');
      await page.getByTestId('api-key-create').click();
      await dialogShown(page);
      await expectNoViolations(page, 'new key dialog');
      await page.keyboard.press('Escape');
      await page.goto('/admin/audit');
      await expect(page.getByTestId('audit-row').first()).toBeVisible(LOADED);
      await expectNoViolations(page, 'audit log');
      if (language === 'en') await shot(page, `05-audit-log${suffix}`);
    });
  });
}
