import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY } from '../support/orders.js';
import { seedReferenceData } from '../support/reference-data.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';
import { refundsOf } from '../support/refunds.js';

// A key reads only numbers, statuses and amounts (docs/api.md "What an API key reads"); what the tests check beyond
// that they read as staff see it.
const CREATE = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { created order { number } } }`;
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { transactionNo } order { number } } }`;
const STAFF_VIEW = `query($n: String!) { order(number: $n) {
  number status amounts { goods { fen } payable { fen } }
  subOrders { number status outOfStock warehouse { code } lines { sku } amounts { payable { fen } } }
  payments { transactionNo status logs { status } } } }`;

let server: TestServer;
let counter = 0;

let staff: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  staff = await loginAs(server, 'ops', 'ops123');
});

type StaffView = Created['createOrder']['order'] & {
  payments: { transactionNo: string; status: string; logs: { status: string }[] }[];
};
type Answer<T> = { body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] } };

async function staffView(number: string): Promise<StaffView> {
  const { body } = await server.graphql<{ order: StaffView }>(STAFF_VIEW, { n: number }, staff);
  return body.data!.order;
}

/** The storefront's createOrder with its key; on success the order as staff see it. */
async function createAsStorefront(input: Record<string, unknown>): Promise<Answer<Created>> {
  const { body } = await server.graphql<{ createOrder: { created: boolean; order: { number: string } } }>(
    CREATE,
    { input },
    API_KEY,
  );
  if (!body.data) return { body: { errors: body.errors } };
  const order = await staffView(body.data.createOrder.order.number);
  return { body: { data: { createOrder: { created: body.data.createOrder.created, order } } } };
}

/** The payment channel's recordPayment with its key; on success the order and the payment as staff see them. */
async function payAsStorefront(input: Record<string, unknown>): Promise<Answer<Paid>> {
  const { body } = await server.graphql<{ recordPayment: { order: { number: string } } }>(
    PAY,
    { input },
    API_KEY,
  );
  if (!body.data) return { body: { errors: body.errors } };
  const order = await staffView(body.data.recordPayment.order.number);
  const payment = order.payments.find((p) => p.transactionNo === input.transactionNo)!;
  return {
    body: { data: { recordPayment: { order, payment: { status: payment.status, logs: payment.logs } } } },
  };
}
afterAll(() => server?.close());

function anOrder(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    source: 'SELF_OPERATED',
    externalId: `shop-${counter}-${Date.now()}`,
    channel: 'APP',
    customer: { id: `c-${counter}`, nickname: '小明' },
    receiver: {
      name: '张三',
      phone: '13812345678',
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      address: `世纪大道 ${counter} 号`,
    },
    lines: [
      { sku: 'SKU-100008', title: '三只松鼠 每日坚果', quantity: 2, salePriceFen: 9_990 },
      { sku: 'SKU-100010', title: '维达 抽纸', quantity: 1, salePriceFen: 4_590 },
    ],
    freightFen: 600,
    couponDiscountFen: 1_000,
    ...overrides,
  };
}

type Created = {
  createOrder: {
    created: boolean;
    order: {
      number: string;
      status: string;
      amounts: { payable: { fen: number } };
      subOrders: {
        number: string;
        status: string;
        outOfStock: boolean;
        warehouse: { code: string } | null;
        lines: { sku: string }[];
        amounts: { payable: { fen: number } };
      }[];
    };
  };
};
type Paid = {
  recordPayment: {
    payment: { status: string; logs: { status: string }[] };
    order: {
      status: string;
      subOrders: {
        number: string;
        status: string;
        warehouse: { code: string } | null;
        amounts: { payable: { fen: number } };
      }[];
    };
  };
};

async function count(table: string): Promise<number> {
  const [row] = await server.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}

describe('createOrder', () => {
  it('creates an unpaid order with its amounts', async () => {
    const { body } = await createAsStorefront(anOrder());
    expect(body.errors).toBeUndefined();
    const { order, created } = body.data!.createOrder;
    expect(created).toBe(true);
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(order.number).toMatch(/^1\d{15}$/);
    expect(order.amounts.payable.fen).toBe(2 * 9_990 + 4_590 + 600 - 1_000);
  });

  it('returns the same order for a retry, and refuses the same key with other input', async () => {
    const input = anOrder();
    const first = await createAsStorefront(input);
    const again = await createAsStorefront(input);
    expect(again.body.data!.createOrder).toMatchObject({
      created: false,
      order: { number: first.body.data!.createOrder.order.number },
    });
    const changed = await createAsStorefront({ ...input, freightFen: 800 });
    expect(changed.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // It does not name the order: a key that did not create it must not learn its number.
    expect(changed.body.errors?.[0]?.message).not.toContain(first.body.data!.createOrder.order.number);
  });

  it('creates one order when the same call arrives ten times at once', async () => {
    const input = anOrder();
    const before = await count('orders');
    const answers = await Promise.all(Array.from({ length: 10 }, () => createAsStorefront(input)));
    const numbers = new Set(answers.map((a) => a.body.data?.createOrder.order.number));
    expect(numbers.size).toBe(1);
    expect(await count('orders')).toBe(before + 1);
  });

  it.each([
    [{ lines: [] }, 'lines'],
    [{ lines: [{ sku: 'SKU-100008', title: 'x', quantity: 0, salePriceFen: 100 }] }, 'lines[0].quantity'],
    [{ lines: [{ sku: 'SKU-100008', title: 'x', quantity: 1, salePriceFen: -5 }] }, 'lines[0].salePriceFen'],
    [
      {
        receiver: {
          name: '张三',
          phone: '12345',
          province: '上海市',
          city: '上海市',
          district: '浦东新区',
          address: ` ${counter} 号`,
        },
      },
      'receiver.phone',
    ],
    [{ payableFen: 1 }, 'payableFen'],
    [{ couponDiscountFen: 10_000_000 }, 'couponDiscountFen'],
    [{ type: 'RETURN' }, 'type'],
  ])('refuses %j naming %s, storing nothing', async (overrides, field) => {
    const before = await count('orders');
    const { body } = await createAsStorefront(anOrder(overrides));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('orders')).toBe(before);
  });

  it('takes only a key with the orders:create scope', async () => {
    const agent = await loginAs(server, 'agent', 'agent123');
    const { body } = await server.graphql(CREATE, { input: anOrder() }, agent);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('recordPayment', () => {
  async function created(overrides: Record<string, unknown> = {}) {
    const { body } = await createAsStorefront(anOrder(overrides));
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data.createOrder.order;
  }

  it('pays, splits to the nearest warehouse with stock and reserves it', async () => {
    const order = await created();
    const [reservedBefore] = await server.db.dataSource.query(
      "SELECT reserved FROM stock s JOIN warehouses w ON w.id = s.warehouse_id WHERE w.code = 'SH01' AND sku = 'SKU-100008'",
    );
    const input = {
      orderNumber: order.number,
      method: 'WECHAT_PAY',
      amountFen: order.amounts.payable.fen,
      transactionNo: `wx-${order.number}`,
      status: 'SUCCEEDED',
      occurredAt: new Date().toISOString(),
    };
    const { body } = await payAsStorefront(input);
    expect(body.errors).toBeUndefined();
    const paid = body.data!.recordPayment.order;
    expect(paid.status).toBe('SPLIT');
    expect(paid.subOrders).toHaveLength(1);
    expect(paid.subOrders[0]).toMatchObject({
      status: 'CREATED',
      warehouse: { code: 'SH01' },
      amounts: { payable: { fen: order.amounts.payable.fen } },
    });
    const [reservedAfter] = await server.db.dataSource.query(
      "SELECT reserved FROM stock s JOIN warehouses w ON w.id = s.warehouse_id WHERE w.code = 'SH01' AND sku = 'SKU-100008'",
    );
    expect(reservedAfter.reserved - reservedBefore.reserved).toBe(2);

    const repeat = await payAsStorefront(input);
    expect(repeat.body.data!.recordPayment.order.subOrders).toHaveLength(1);
    const other = await server.graphql(PAY, { input: { ...input, amountFen: 1 } }, API_KEY);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('logs a pending payment and settles on its later success', async () => {
    const order = await created();
    const base = {
      orderNumber: order.number,
      method: 'ALIPAY',
      amountFen: order.amounts.payable.fen,
      transactionNo: `ali-${order.number}`,
      occurredAt: new Date().toISOString(),
    };
    const pending = await payAsStorefront({ ...base, status: 'PENDING' });
    expect(pending.body.data!.recordPayment.order.status).toBe('PENDING_PAYMENT');
    const done = await payAsStorefront({ ...base, status: 'SUCCEEDED' });
    expect(done.body.data!.recordPayment.order.status).toBe('SPLIT');
    expect(done.body.data!.recordPayment.payment).toEqual({
      status: 'SUCCEEDED',
      logs: [{ status: 'PENDING' }, { status: 'SUCCEEDED' }],
    });
  });

  it('splits cold-chain goods from ordinary ones, and keeps a gift with its main line', async () => {
    const order = await created({
      receiver: {
        name: '李四',
        phone: '13912345678',
        province: '四川省',
        city: '成都市',
        district: '武侯区',
        address: `天府大道 ${counter} 号`,
      },
      lines: [
        {
          sku: 'SKU-200001',
          title: '伊利 金典 牛奶',
          quantity: 1,
          salePriceFen: 6_590,
          attributes: ['COLD_CHAIN'],
          lineRef: 'milk',
        },
        {
          sku: 'SKU-900001',
          title: '赠品 帆布袋',
          quantity: 1,
          salePriceFen: 0,
          attributes: ['GIFT'],
          giftFor: 'milk',
        },
        {
          sku: 'SKU-300002',
          title: '小米 电视',
          quantity: 1,
          salePriceFen: 279_900,
          attributes: ['OVERSIZE'],
        },
      ],
      couponDiscountFen: 0,
    });
    const input = {
      orderNumber: order.number,
      method: 'UNIONPAY',
      amountFen: order.amounts.payable.fen,
      transactionNo: `up-${order.number}`,
      status: 'SUCCEEDED',
      occurredAt: new Date().toISOString(),
    };
    const { body } = await payAsStorefront(input);
    expect(body.errors).toBeUndefined();
    const detail = await server.graphql<Created['createOrder'] & { order: Created['createOrder']['order'] }>(
      `query($n: String!) { order(number: $n) { subOrders { warehouse { code } lines { sku } } } }`,
      { n: order.number },
      await loginAs(server, 'ops', 'ops123'),
    );
    const subOrders = (
      detail.body.data as unknown as {
        order: { subOrders: { warehouse: { code: string }; lines: { sku: string }[] }[] };
      }
    ).order.subOrders;
    const bySku = Object.fromEntries(subOrders.flatMap((s) => s.lines.map((l) => [l.sku, s.warehouse.code])));
    expect(bySku['SKU-200001']).toBe('CD01');
    expect(bySku['SKU-900001']).toBe('CD01');
    expect(['GZ01', 'WH01', 'BJ01']).toContain(bySku['SKU-300002']);
    expect(subOrders).toHaveLength(2);
  });

  it('makes a line no warehouse can supply an out-of-stock sub-order, never dropping it', async () => {
    const order = await created({
      lines: [{ sku: 'SKU-500001', title: '限量联名款', quantity: 50, salePriceFen: 1_000 }],
      couponDiscountFen: 0,
    });
    const input = {
      orderNumber: order.number,
      method: 'ALIPAY',
      amountFen: order.amounts.payable.fen,
      transactionNo: `ali-oos-${order.number}`,
      status: 'SUCCEEDED',
      occurredAt: new Date().toISOString(),
    };
    const { body } = await payAsStorefront(input);
    expect(body.data!.recordPayment.order.subOrders).toEqual([
      expect.objectContaining({ status: 'CREATED', warehouse: null }),
    ]);
  });

  it('records more than is left to pay and gives the excess back at once (OVERPAID), never refusing it', async () => {
    const order = await created();
    const input = {
      orderNumber: order.number,
      method: 'ALIPAY',
      amountFen: order.amounts.payable.fen + 1,
      transactionNo: `ali-over-${order.number}`,
      status: 'SUCCEEDED',
      occurredAt: new Date().toISOString(),
    };
    const { body } = await payAsStorefront(input);
    expect(body.errors).toBeUndefined();
    expect(await refundsOf(server, order.number)).toEqual([
      expect.objectContaining({ method: 'ALIPAY', amount_fen: 1, status: 'PENDING', reason: 'OVERPAID' }),
    ]);
    const [payment] = await server.db.dataSource.query(
      'SELECT p.status FROM payments p WHERE p.transaction_no = $1',
      [input.transactionNo],
    );
    expect(payment.status).toBe('REFUNDING');
  });

  it('pays an order covered by gift card and points at once', async () => {
    const order = await created({
      lines: [{ sku: 'SKU-100008', title: '坚果', quantity: 1, salePriceFen: 9_990 }],
      freightFen: 0,
      couponDiscountFen: 0,
      giftCards: [{ cardNumber: '8800123412341234', amountFen: 8_000, balanceAfterFen: 2_000 }],
      points: { points: 1_990, valueFen: 1_990, balanceAfter: 10 },
    });
    expect(order.status).toBe('SPLIT');
    expect(order.amounts.payable.fen).toBe(0);
  });
});
