import { DEMO_API_KEY } from '../seed/demo-accounts.js';
import { DEMO_SKUS } from '../seed/catalog.js';
import { between, chance, type Schedule } from './schedule.js';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
];
const PLACES: readonly [string, string, string, string][] = [
  ['北京市', '北京市', '朝阳区', '建国路'],
  ['上海市', '上海市', '浦东新区', '张杨路'],
  ['广东省', '深圳市', '南山区', '科技园路'],
  ['浙江省', '杭州市', '西湖区', '文三路'],
  ['四川省', '成都市', '武侯区', '人民南路'],
  ['湖北省', '武汉市', '洪山区', '珞喻路'],
  ['江苏省', '南京市', '鼓楼区', '中山路'],
  ['陕西省', '西安市', '雁塔区', '长安南路'],
];

const pick = <T>(items: readonly T[]): T => items[between(0, items.length - 1)]!;

/**
 * The demo storefront (docs/api.md "Demo mode"): a few new orders a minute, created and paid through the real API with
 * the demo integration key, so the console always has fresh orders moving.
 */
export class StorefrontSimulator {
  private count = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly schedule: Schedule,
    private readonly everyMs: readonly [number, number],
  ) {}

  start(): void {
    this.schedule.after(between(...this.everyMs), async () => {
      await this.placeOrder();
      this.start();
    });
  }

  private async call<T>(query: string, variables: object): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${DEMO_API_KEY.key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (!body.data) throw new Error(`storefront: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  private async placeOrder(): Promise<void> {
    this.count += 1;
    const [province, city, district, street] = pick(PLACES);
    const goods = DEMO_SKUS.filter(
      (s) => !s.scarce && !s.attributes.includes('GIFT') && !s.attributes.includes('PRESALE'),
    );
    const lines = Array.from({ length: between(1, 3) }, () => {
      const sku = pick(goods);
      return {
        sku: sku.sku,
        title: sku.title,
        quantity: between(1, 2),
        listPriceFen: sku.listPriceFen,
        salePriceFen: sku.salePriceFen,
        ...(sku.merchantId ? { merchantId: sku.merchantId } : {}),
        attributes: [...sku.attributes],
      };
    });
    const input = {
      source: 'SELF_OPERATED',
      externalId: `sim-${Date.now()}-${this.count}`,
      channel: pick(['APP', 'MINI_PROGRAM', 'PC', 'H5']),
      customer: { id: `sim-${between(1, 2_000)}`, nickname: `用户${between(1000, 9999)}` },
      receiver: {
        name: pick(SURNAMES) + pick(GIVEN) + (chance(0.5) ? pick(GIVEN) : ''),
        phone: `1${pick(['38', '39', '58', '86', '36', '77'])}${String(between(0, 99_999_999)).padStart(8, '0')}`,
        province,
        city,
        district,
        address: `${street}${between(1, 999)}号${between(1, 30)}栋${between(101, 2808)}室`,
      },
      lines,
      freightFen: chance(0.6) ? 0 : 800,
      couponDiscountFen: chance(0.3) ? 500 : 0,
    };
    const { createOrder } = await this.call<{
      createOrder: { order: { number: string; amounts: { payable: { fen: number } } } };
    }>(
      'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number amounts { payable { fen } } } } }',
      { i: input },
    );
    const { number, amounts } = createOrder.order;
    // The customer pays a little later, as they do.
    this.schedule.after(between(2_000, 10_000), () =>
      this.call('mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { status } } }', {
        i: {
          orderNumber: number,
          method: pick(['WECHAT_PAY', 'ALIPAY', 'UNIONPAY']),
          amountFen: amounts.payable.fen,
          transactionNo: `sim-${number}`,
          status: 'SUCCEEDED',
          occurredAt: new Date().toISOString(),
        },
      }),
    );
  }
}
