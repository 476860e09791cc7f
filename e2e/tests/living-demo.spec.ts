import { expect, test } from '@playwright/test';
import { LIVING_DEMO_URL } from '../playwright.config.js';
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
