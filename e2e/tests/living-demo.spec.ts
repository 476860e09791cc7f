import { expect, test } from '@playwright/test';
import { LIVING_DEMO_URL } from '../playwright.config.js';
import { ApiClient } from '../fixtures/api.js';
import { DEMO_STOREFRONT_KEY, LINES, placePaidOrder, refundsOf, retryRefund } from '../fixtures/orders.js';
import { ACCOUNTS } from '../fixtures/roles.js';
import { ActionDialog } from '../pages/action-dialog.page.js';
import { OrderDetailPage } from '../pages/order-detail.page.js';

test.use({ baseURL: LIVING_DEMO_URL });

test('in the living demo a new order moves from paid to delivered on screen, with no click', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const key = { authorization: 'ApiKey demo-storefront-key' };
  const unique = `${Date.now()}`;
  const created = await page.request.post('/graphql', {
    headers: key,
    data: {
      query:
        'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number amounts { payable { fen } } } } }',
      variables: {
        i: {
          source: 'SELF_OPERATED',
          externalId: `living-${unique}`,
          customer: { id: `living-${unique}` },
          receiver: {
            name: '陈小明',
            phone: '13912345678',
            province: '广东省',
            city: '深圳市',
            district: '南山区',
            address: `科技园 ${unique} 号`,
          },
          lines: [{ sku: 'SKU-100003', title: '小米 Redmi K80', quantity: 1, salePriceFen: 249_900 }],
          freightFen: 0,
        },
      },
    },
  });
  const { number, amounts } = (await created.json()).data.createOrder.order;
  await page.request.post('/graphql', {
    headers: key,
    data: {
      query: 'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { status } } }',
      variables: {
        i: {
          orderNumber: number,
          method: 'WECHAT_PAY',
          amountFen: amounts.payable.fen,
          transactionNo: `living-${unique}`,
          status: 'SUCCEEDED',
          occurredAt: new Date().toISOString(),
        },
      },
    },
  });
  await page.request.post('/graphql', {
    data: { query: 'mutation { login(username: "agent", password: "agent123") { token } }' },
  });

  const detail = new OrderDetailPage(page);
  await detail.open(number);
  await expect(detail.number).toHaveText(number);
  // Only polling moves the page: dispatched, accepted, picked, packed, shipped, then the parcel's end. The simulated
  // carrier lets one parcel in twenty be refused at the door, which is the other way a delivery ends. The chip shows
  // the fulfilment status (已签收 / 拒收), not the customer's wording (已完成 / 已拒收).
  await expect(page.getByTestId('suborder-status').first()).toHaveText(/^(已签收|拒收)$/, {
    timeout: 120_000,
  });
  expect(await detail.timelineEntries.count()).toBeGreaterThan(8);
});

test('in the living demo the payment channels confirm the refunds of a cancelled order on screen, with no click', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const storefront = await ApiClient.withApiKey(LIVING_DEMO_URL, DEMO_STOREFRONT_KEY);
  const ops = await ApiClient.signIn(LIVING_DEMO_URL, ACCOUNTS.OPS.username, ACCOUNTS.OPS.password);
  try {
    // Paid by Alipay and a gift card; out of stock at every warehouse, so nothing moves it while the agent acts.
    const order = await placePaidOrder(storefront, ops, { lines: LINES.outOfStock, giftCardFen: 1_000 });
    expect(order.subOrders.map((s) => s.warehouseCode)).toEqual([null]);
    await page.request.post('/graphql', {
      data: {
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        variables: { u: ACCOUNTS.AGENT.username, p: ACCOUNTS.AGENT.password },
      },
    });

    const detail = new OrderDetailPage(page);
    await detail.open(order.number);
    await expect(detail.number).toHaveText(order.number);
    await detail.orderAction('CANCEL').click();
    const dialog = new ActionDialog(page);
    await dialog.confirmWith('客户来电：缺货不等了，取消订单');
    await expect(dialog.refunds).toHaveCount(2);
    await dialog.close.click();
    await expect(dialog.dialog).toBeHidden();

    // The simulated channels answer within moments. Now and then one refuses a first attempt (docs/api.md "Demo
    // mode"): a FAILED refund waits for ops, who send it again here through the API, as they would from their list;
    // the second attempt goes through. The agent's page is not touched meanwhile.
    const retried = new Set<string>();
    await expect
      .poll(
        async () => {
          const refunds = await refundsOf(ops, order.number);
          for (const refund of refunds) {
            if (refund.status !== 'FAILED' || retried.has(refund.id)) continue;
            retried.add(refund.id);
            await retryRefund(ops, refund.id, '渠道退款失败，重新发起');
          }
          return refunds.map((r) => r.status);
        },
        { timeout: 60_000 },
      )
      .toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const refunds = await refundsOf(ops, order.number);
    expect(refunds.map((r) => [r.method, r.attempt])).toEqual([
      ['ALIPAY', retried.has(refunds[0]!.id) ? 2 : 1],
      ['GIFT_CARD', retried.has(refunds[1]!.id) ? 2 : 1],
    ]);
    expect(refunds.every((r) => r.channelRefundNo)).toBe(true);

    // Only polling moves the page: both refunds read 已退款 (zh-CN refundStatus.SUCCEEDED).
    await expect(detail.refundRows).toHaveCount(2);
    await expect(detail.refundsWithStatus('已退款')).toHaveCount(2, { timeout: 20_000 });
  } finally {
    await storefront.dispose();
    await ops.dispose();
  }
});
