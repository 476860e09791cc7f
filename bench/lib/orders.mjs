// Orders for the load scenarios, through the real API: the storefront's createOrder and the channel's recordPayment.
import { graphql } from './product.mjs';

const CREATE = `mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number amounts { payable { fen } } } } }`;
const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { subOrders { number } } } }`;
export const API_KEY = { authorization: 'ApiKey demo-storefront-key' };
export const PROVINCES = [
  ['北京市', '北京市', '朝阳区'],
  ['上海市', '上海市', '浦东新区'],
  ['广东省', '广州市', '天河区'],
  ['湖北省', '武汉市', '洪山区'],
  ['四川省', '成都市', '武侯区'],
];
export const SKUS = [
  'SKU-100003',
  'SKU-100005',
  'SKU-100008',
  'SKU-100009',
  'SKU-100010',
  'SKU-100011',
  'SKU-100012',
];

/** Creates and pays the i-th load order (ordinary goods, a distinct address so screening lets it through). */
export async function createPaidOrder(url, key, i) {
  const [province, city, district] = PROVINCES[i % PROVINCES.length];
  const input = {
    source: 'SELF_OPERATED',
    externalId: `bench-${key}`,
    customer: { id: `bench-c-${i % 5000}` },
    receiver: {
      name: '测试',
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      province,
      city,
      district,
      address: `压测路 ${key} 号`,
    },
    lines: [
      { sku: SKUS[i % SKUS.length], title: '压测商品', quantity: 1, salePriceFen: 1_000 + (i % 500) },
      { sku: SKUS[(i + 3) % SKUS.length], title: '压测商品二', quantity: 2, salePriceFen: 990 },
    ],
    freightFen: 600,
    couponDiscountFen: 100,
  };
  const { createOrder } = await graphql(url, CREATE, { i: input }, API_KEY);
  const { number, amounts } = createOrder.order;
  const { recordPayment } = await graphql(
    url,
    PAY,
    {
      i: {
        orderNumber: number,
        method: 'ALIPAY',
        amountFen: amounts.payable.fen,
        transactionNo: `bench-${number}`,
        status: 'SUCCEEDED',
        occurredAt: new Date().toISOString(),
      },
    },
    API_KEY,
  );
  return { number, subOrders: recordPayment.order.subOrders };
}
