import type { LineAttribute } from '@oms/schema';

/** A product of the demo catalogue. */
export interface DemoSku {
  readonly sku: string;
  readonly title: string;
  readonly listPriceFen: number;
  readonly salePriceFen: number;
  readonly attributes: readonly LineAttribute[];
  /** Only a few units per warehouse, for out-of-stock stories. */
  readonly scarce?: boolean;
  /** Sold by a third-party merchant, shipped by them. */
  readonly merchantId?: string;
}

/** The demo catalogue: ordinary goods with deep stock, cold-chain and oversize goods, scarce and third-party items. */
export const DEMO_SKUS: readonly DemoSku[] = [
  {
    sku: 'SKU-100001',
    title: 'Apple iPhone 16 Pro 256GB 沙漠色钛金属',
    listPriceFen: 899_900,
    salePriceFen: 849_900,
    attributes: [],
  },
  {
    sku: 'SKU-100002',
    title: '华为 Mate 70 Pro 12GB+512GB 雅丹黑',
    listPriceFen: 699_900,
    salePriceFen: 669_900,
    attributes: [],
  },
  {
    sku: 'SKU-100003',
    title: '小米 Redmi K80 16GB+512GB 汐月蓝',
    listPriceFen: 269_900,
    salePriceFen: 249_900,
    attributes: [],
  },
  {
    sku: 'SKU-100004',
    title: '联想 ThinkPad X1 Carbon 2025 14英寸笔记本',
    listPriceFen: 1_299_900,
    salePriceFen: 1_199_900,
    attributes: [],
  },
  {
    sku: 'SKU-100005',
    title: 'AirPods Pro 2 主动降噪无线耳机',
    listPriceFen: 189_900,
    salePriceFen: 159_900,
    attributes: [],
  },
  {
    sku: 'SKU-100006',
    title: '索尼 WH-1000XM5 头戴式降噪耳机 黑色',
    listPriceFen: 269_900,
    salePriceFen: 229_900,
    attributes: [],
  },
  {
    sku: 'SKU-100007',
    title: '飞鹤 星飞帆 婴儿配方奶粉 3段 700g',
    listPriceFen: 32_800,
    salePriceFen: 29_800,
    attributes: [],
  },
  {
    sku: 'SKU-100008',
    title: '三只松鼠 每日坚果 750g/30袋',
    listPriceFen: 12_990,
    salePriceFen: 9_990,
    attributes: [],
  },
  {
    sku: 'SKU-100009',
    title: '金龙鱼 黄金比例食用调和油 5L',
    listPriceFen: 7_990,
    salePriceFen: 6_990,
    attributes: [],
  },
  {
    sku: 'SKU-100010',
    title: '维达 超韧抽纸 3层120抽×24包',
    listPriceFen: 5_990,
    salePriceFen: 4_590,
    attributes: [],
  },
  {
    sku: 'SKU-100011',
    title: '李宁 超轻21 男子跑鞋 42码',
    listPriceFen: 59_900,
    salePriceFen: 44_900,
    attributes: [],
  },
  {
    sku: 'SKU-100012',
    title: '优衣库 男装 摇粒绒拉链茄克',
    listPriceFen: 19_900,
    salePriceFen: 14_900,
    attributes: [],
  },
  {
    sku: 'SKU-100013',
    title: '兰蔻 小黑瓶精华肌底液 100ml',
    listPriceFen: 138_000,
    salePriceFen: 109_000,
    attributes: [],
  },
  {
    sku: 'SKU-100014',
    title: '茅台 飞天 53%vol 500ml',
    listPriceFen: 149_900,
    salePriceFen: 149_900,
    attributes: [],
  },
  {
    sku: 'SKU-200001',
    title: '伊利 金典 有机纯牛奶 250ml×12盒',
    listPriceFen: 7_590,
    salePriceFen: 6_590,
    attributes: ['COLD_CHAIN'],
  },
  {
    sku: 'SKU-200002',
    title: '獐子岛 冷冻扇贝肉 500g',
    listPriceFen: 8_900,
    salePriceFen: 6_900,
    attributes: ['COLD_CHAIN'],
  },
  {
    sku: 'SKU-200003',
    title: '哈根达斯 冰淇淋 香草口味 473ml',
    listPriceFen: 9_900,
    salePriceFen: 8_500,
    attributes: ['COLD_CHAIN'],
  },
  {
    sku: 'SKU-300001',
    title: '海尔 双开门冰箱 521升 一级能效',
    listPriceFen: 499_900,
    salePriceFen: 429_900,
    attributes: ['OVERSIZE'],
  },
  {
    sku: 'SKU-300002',
    title: '小米 Redmi 75英寸 4K 智能电视',
    listPriceFen: 329_900,
    salePriceFen: 279_900,
    attributes: ['OVERSIZE'],
  },
  {
    sku: 'SKU-300003',
    title: '顾家家居 真皮沙发 三人位',
    listPriceFen: 899_900,
    salePriceFen: 699_900,
    attributes: ['OVERSIZE'],
  },
  {
    sku: 'SKU-400001',
    title: '【预售】大疆 DJI Mini 5 Pro 航拍无人机',
    listPriceFen: 499_900,
    salePriceFen: 469_900,
    attributes: ['PRESALE'],
  },
  {
    sku: 'SKU-500001',
    title: '限量联名款 运动手表（稀缺）',
    listPriceFen: 299_900,
    salePriceFen: 299_900,
    attributes: [],
    scarce: true,
  },
  {
    sku: 'SKU-500002',
    title: '限定版 手办模型（稀缺）',
    listPriceFen: 129_900,
    salePriceFen: 129_900,
    attributes: [],
    scarce: true,
  },
  {
    sku: 'SKU-600001',
    title: '【商家直发】云南普洱茶 357g 饼茶',
    listPriceFen: 38_800,
    salePriceFen: 32_800,
    attributes: [],
    merchantId: 'M-YUNCHA',
  },
  {
    sku: 'SKU-600002',
    title: '【商家直发】景德镇 手绘青花瓷茶具套装',
    listPriceFen: 59_900,
    salePriceFen: 49_900,
    attributes: [],
    merchantId: 'M-JDZ',
  },
  {
    sku: 'SKU-900001',
    title: '赠品：品牌定制帆布袋',
    listPriceFen: 0,
    salePriceFen: 0,
    attributes: ['GIFT'],
  },
];
