import type { InvoiceType, OrderSource } from '@oms/schema';
import type { Rng } from './random.js';

/** The parts of an order that only make it look lived-in: channel, invoice, remark, delivery wish, ext. */
export interface OrderExtras {
  readonly channel: string;
  readonly invoice: { type: InvoiceType; title: string; taxId: string | null } | null;
  readonly remark: string | null;
  readonly deliveryPreference: string | null;
  readonly ext: Record<string, unknown>;
}

const COMPANIES = [
  '上海明远信息科技有限公司',
  '深圳市华创电子有限公司',
  '杭州云杉网络科技有限公司',
  '成都天府软件有限公司',
  '武汉光谷新材料有限公司',
  '北京华夏博远文化传播有限公司',
];
const REMARKS = [
  '请尽快发货，谢谢',
  '不要放驿站，放门口即可',
  '送货前请先打电话',
  '送人的礼物，请不要放价签和发票',
  '周末家里有人，工作日放快递柜',
  '公司地址，请放前台',
];
const PREFERENCES = [
  '工作日、双休日与节假日均可送货',
  '只工作日送货',
  '只双休日、节假日送货',
  '送货前请电话联系',
];
const STORES = [
  { code: 'BJ-CY-012', name: '京东之家（北京朝阳大悦城店）' },
  { code: 'SH-XH-007', name: '京东之家（上海徐家汇店）' },
  { code: 'GZ-TH-021', name: '京东电器超级体验店（广州天河店）' },
  { code: 'CD-WH-003', name: '京东之家（成都武侯店）' },
];
const MERCHANT_NAMES: Readonly<Record<string, string>> = {
  'M-YUNCHA': '云茶普洱旗舰店',
  'M-JDZ': '景德镇瓷都官方旗舰店',
};

/** The display name of a third-party merchant. */
export function merchantName(merchantId: string): string {
  return MERCHANT_NAMES[merchantId] ?? merchantId;
}

/** A unified social credit code (统一社会信用代码) shape: 18 characters. */
function taxId(rng: Rng): string {
  const letters = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let tail = '';
  for (let i = 0; i < 8; i++) tail += letters[rng.int(0, letters.length - 1)];
  return `91${rng.pick(['110105', '310115', '440300', '330106', '510107', '420111'])}MA${tail}`;
}

function invoiceFor(rng: Rng): OrderExtras['invoice'] {
  const roll = rng.next();
  if (roll < 0.2) return { type: 'ELECTRONIC', title: '个人', taxId: null };
  if (roll < 0.26) return { type: 'ELECTRONIC', title: rng.pick(COMPANIES), taxId: taxId(rng) };
  if (roll < 0.28) return { type: 'VAT_SPECIAL', title: rng.pick(COMPANIES), taxId: taxId(rng) };
  return null;
}

export function orderExtras(rng: Rng, source: OrderSource, merchantId: string | null): OrderExtras {
  const common = {
    invoice: invoiceFor(rng),
    remark: rng.chance(0.12) ? rng.pick(REMARKS) : null,
    deliveryPreference: rng.chance(0.35) ? rng.pick(PREFERENCES) : null,
  };
  if (source === 'THIRD_PARTY') {
    return {
      ...common,
      channel: 'OPEN_PLATFORM',
      ext: {
        merchantName: merchantId ? merchantName(merchantId) : null,
        platformOrderId: `POP${rng.digits(14)}`,
      },
    };
  }
  if (source === 'OFFLINE_STORE') {
    const store = rng.pick(STORES);
    return {
      ...common,
      channel: 'STORE_POS',
      ext: { storeCode: store.code, storeName: store.name, posTerminal: `POS-${rng.int(1, 12)}` },
    };
  }
  const channel = rng.weighted([
    ['APP', 55],
    ['MINI_PROGRAM', 25],
    ['PC', 12],
    ['H5', 8],
  ] as const);
  return { ...common, channel, ext: {} };
}
