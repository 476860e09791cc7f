import { expect, test } from '../fixtures/roles.js';
import {
  LINES,
  OUT_OF_STOCK_SKU,
  consoleMoney,
  orderState,
  placePaidOrder,
  setAvailableStock,
} from '../fixtures/orders.js';
import { ActionDialog } from '../pages/action-dialog.page.js';
import { AppShell } from '../pages/app-shell.page.js';
import { InterceptionQueuePage } from '../pages/interceptions.page.js';
import { OrderDetailPage } from '../pages/order-detail.page.js';
import { WarehousesPage } from '../pages/warehouses.page.js';

const GIFT_CARD_FEN = 1000;

test.describe('an agent', () => {
  test.use({ role: 'AGENT' });

  test('cancels an order for a caller and sees the refunds', async ({ page, api, storefront }) => {
    const order = await placePaidOrder(storefront, api, { giftCardFen: GIFT_CARD_FEN });
    expect(order.held).toBe(false);
    expect(order.subOrders).toHaveLength(1);

    const detail = new OrderDetailPage(page);
    await detail.open(order.number);
    await expect(detail.number).toHaveText(order.number);
    await detail.orderAction('CANCEL').click();

    const dialog = new ActionDialog(page);
    await dialog.confirmWith('客户来电要求取消订单');
    await expect(dialog.result).toBeVisible();
    // The sub-order was cancelled…
    await expect(dialog.outcomes).toHaveCount(1);
    await expect(dialog.outcomes.first()).toContainText(order.subOrders[0]!.number);
    await expect(dialog.outcomes.first().locator('[data-outcome]')).toHaveAttribute(
      'data-outcome',
      'CANCELLED',
    );
    await expect(dialog.outcomes.first()).toContainText('已取消');
    // …and both instruments are refunded: the Alipay payment and the gift card.
    await expect(dialog.refunds).toHaveCount(2);
    await expect(dialog.refunds.filter({ hasText: '支付宝' })).toContainText(consoleMoney(order.payableFen));
    await expect(dialog.refunds.filter({ hasText: '礼品卡' })).toContainText(consoleMoney(GIFT_CARD_FEN));
    await dialog.close.click();
    await expect(dialog.dialog).toBeHidden();

    await expect(detail.subOrderStatuses).toHaveCount(1);
    await expect(detail.subOrderStatuses.first()).toHaveText('已取消');
    const after = await orderState(api, order.number);
    expect(after.subOrders.map((s) => s.status)).toEqual(['CANCELLED']);
  });

  test('is not offered the ops or manager actions, and the server refuses them', async ({
    page,
    api,
    storefront,
  }) => {
    // A held order: a manager would be offered RELEASE on it, ops REASSIGN_WAREHOUSE on its sub-order.
    const order = await placePaidOrder(storefront, api, { lines: LINES.overQuantityLimit });
    expect(order.held).toBe(true);
    const before = await orderState(api, order.number);
    const hold = before.interceptions.find((i) => i.status === 'ACTIVE');
    expect(hold).toBeDefined();
    const subOrder = before.subOrders[0]!;

    const detail = new OrderDetailPage(page);
    await detail.open(order.number);
    await expect(detail.orderAction('CANCEL')).toBeVisible();
    await expect(detail.subOrderCards).toHaveCount(1);
    await expect(detail.subOrderCards.first().getByTestId('action-ADD_NOTE')).toBeVisible();
    await expect(detail.anyAction('REASSIGN_WAREHOUSE')).toHaveCount(0);
    await expect(detail.anyAction('RELEASE')).toHaveCount(0);

    const shell = new AppShell(page);
    await expect(shell.navLink('/orders')).toBeVisible();
    await expect(shell.navLink('/interceptions')).toHaveCount(0);
    await expect(shell.navLink('/warehouses')).toHaveCount(0);
    await expect(shell.nav).not.toContainText('拦截队列');
    await expect(shell.nav).not.toContainText('仓库');

    // Called directly with the agent's own session, the server refuses both.
    const call = async (query: string, input: Record<string, unknown>) => {
      const response = await page.request.post('/graphql', { data: { query, variables: { input } } });
      return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    };
    const reassign = await call(
      'mutation($input: ReassignWarehouseInput!) { reassignWarehouse(input: $input) { subOrder { number } } }',
      { subOrderNumber: subOrder.number, warehouseCode: 'WH01', reason: '越权测试' },
    );
    expect(reassign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const release = await call(
      'mutation($input: ReleaseInterceptionInput!) { releaseInterception(input: $input) { order { number } } }',
      { interceptionId: hold!.id, reason: '越权测试' },
    );
    expect(release.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Nothing changed.
    const after = await orderState(api, order.number);
    expect(after.held).toBe(true);
    expect(after.interceptions.find((i) => i.id === hold!.id)?.status).toBe('ACTIVE');
    expect(after.subOrders[0]!.warehouse?.code ?? null).toBe(subOrder.warehouse?.code ?? null);
  });
});

test.describe('ops', () => {
  test.use({ role: 'OPS' });

  test('re-routes three out-of-stock sub-orders to a warehouse in bulk', async ({
    page,
    api,
    storefront,
  }) => {
    // No warehouse can supply 4 (WH01 back to the seed's 3 free, should an earlier run have filled it).
    await setAvailableStock(api, 'WH01', OUT_OF_STOCK_SKU, 3);
    const orders = [];
    for (let i = 0; i < 3; i += 1)
      orders.push(await placePaidOrder(storefront, api, { lines: LINES.outOfStock }));
    const subOrders = orders.map((o) => o.subOrders[0]!.number);
    for (const order of orders) {
      expect((await orderState(api, order.number)).subOrders[0]!.outOfStock).toBe(true);
    }
    await setAvailableStock(api, 'WH01', OUT_OF_STOCK_SKU, 1000);

    const warehouses = new WarehousesPage(page);
    await warehouses.open();
    for (const number of subOrders) {
      await expect(warehouses.outOfStockRow(number)).toBeVisible();
      await warehouses.selectOutOfStock(number);
    }
    await expect(warehouses.selectedCount).toContainText('3');
    await warehouses.rerouteButton.click();

    const dialog = new ActionDialog(page);
    await dialog.warehouse.selectOption('WH01');
    await expect(dialog.stockLines.filter({ hasText: OUT_OF_STOCK_SKU })).toContainText('1000');
    await dialog.confirmWith('武汉仓补货，缺货子单改派');
    await expect(dialog.result).toBeVisible();
    await expect(dialog.bulkResults).toHaveCount(3);
    for (const number of subOrders) {
      await expect(dialog.bulkResults.filter({ hasText: number })).toHaveAttribute('data-ok', 'true');
    }
    await dialog.close.click();
    await expect(dialog.dialog).toBeHidden();
    for (const number of subOrders) await expect(warehouses.outOfStockRow(number)).toHaveCount(0);

    for (const order of orders) {
      const [sub] = (await orderState(api, order.number)).subOrders;
      expect(sub!.warehouse?.code).toBe('WH01');
      expect(sub!.outOfStock).toBe(false);
    }
  });
});

test.describe('a manager', () => {
  test.use({ role: 'MANAGER' });

  test('releases one held order and cancels two from the queue', async ({ page, api, storefront }) => {
    const orders = [];
    for (let i = 0; i < 3; i += 1) {
      orders.push(await placePaidOrder(storefront, api, { lines: LINES.overQuantityLimit }));
    }
    for (const order of orders) expect(order.held).toBe(true);
    const [released, ...cancelled] = orders.map((o) => o.number) as [string, string, string];

    const queue = new InterceptionQueuePage(page);
    await queue.open({ rule: 'QUANTITY_LIMIT' });
    for (const number of orders.map((o) => o.number)) await expect(queue.rowFor(number)).toHaveCount(1);

    // Release one.
    await queue.select(released);
    await queue.bulkRelease.click();
    const dialog = new ActionDialog(page);
    await expect(dialog.dialog).toContainText(released);
    await dialog.confirmWith('客户确认为单位采购，放行');
    await expect(dialog.bulkResults).toHaveCount(1);
    await expect(dialog.bulkResults.first()).toContainText(released);
    await expect(dialog.bulkResults.first()).toHaveAttribute('data-ok', 'true');
    await dialog.close.click();
    await expect(dialog.dialog).toBeHidden();
    await expect(queue.rowFor(released)).toHaveCount(0);

    // Cancel the other two.
    for (const number of cancelled) await queue.select(number);
    await queue.bulkCancel.click();
    for (const number of cancelled) await expect(dialog.dialog).toContainText(number);
    await dialog.confirmWith('疑似刷单，取消订单');
    await expect(dialog.bulkResults).toHaveCount(2);
    for (const number of cancelled) {
      await expect(dialog.bulkResults.filter({ hasText: number })).toHaveAttribute('data-ok', 'true');
    }
    await dialog.close.click();
    await expect(dialog.dialog).toBeHidden();
    // The queue keeps the last results on screen; the decided holds have left it.
    await expect(queue.bulkResults.getByTestId('bulk-result')).toHaveCount(2);
    for (const number of cancelled) await expect(queue.rowFor(number)).toHaveCount(0);

    const releasedState = await orderState(api, released);
    expect(releasedState.held).toBe(false);
    expect(releasedState.interceptions.map((i) => i.status)).toEqual(['RELEASED']);
    expect(releasedState.subOrders.every((s) => !s.held && s.status !== 'CANCELLED')).toBe(true);
    for (const number of cancelled) {
      const state = await orderState(api, number);
      expect(state.interceptions.map((i) => i.status)).toEqual(['CANCELLED_ORDER']);
      expect(state.subOrders.map((s) => s.status)).toEqual(['CANCELLED']);
    }
  });
});
