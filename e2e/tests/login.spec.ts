import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';

test('a wrong password is refused, the right one leads to the page asked for', async ({ page }) => {
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/login/);
  const login = new LoginPage(page);
  await login.signIn('agent', 'wrong-password');
  await expect(login.error).toBeVisible();
  await login.signIn('agent', 'agent123');
  await expect(page).toHaveURL(/\/orders/);
  await expect(page.getByTestId('orders-table')).toBeVisible();
  // The list loads within the API's limits: its rows link to order pages.
  await expect(page.getByTestId('orders-table').locator('a[href^="/orders/"]').first()).toBeVisible();
});
