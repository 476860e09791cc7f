/** China's seven big regions (大区), the unit of "nearest warehouse" (docs/domain.md §6.3). */
export const REGIONS = ['NORTH', 'EAST', 'SOUTH', 'CENTRAL', 'SOUTHWEST', 'NORTHWEST', 'NORTHEAST'] as const;
/** One region. */
export type Region = (typeof REGIONS)[number];

/** The Chinese name of each region. */
export const REGION_NAMES: Readonly<Record<Region, string>> = {
  NORTH: '华北',
  EAST: '华东',
  SOUTH: '华南',
  CENTRAL: '华中',
  SOUTHWEST: '西南',
  NORTHWEST: '西北',
  NORTHEAST: '东北',
};

/** Which region each province-level division belongs to. */
export const PROVINCE_REGIONS: Readonly<Record<string, Region>> = {
  北京市: 'NORTH',
  天津市: 'NORTH',
  河北省: 'NORTH',
  山西省: 'NORTH',
  内蒙古自治区: 'NORTH',
  上海市: 'EAST',
  江苏省: 'EAST',
  浙江省: 'EAST',
  安徽省: 'EAST',
  福建省: 'EAST',
  江西省: 'EAST',
  山东省: 'EAST',
  台湾省: 'EAST',
  广东省: 'SOUTH',
  广西壮族自治区: 'SOUTH',
  海南省: 'SOUTH',
  香港特别行政区: 'SOUTH',
  澳门特别行政区: 'SOUTH',
  河南省: 'CENTRAL',
  湖北省: 'CENTRAL',
  湖南省: 'CENTRAL',
  重庆市: 'SOUTHWEST',
  四川省: 'SOUTHWEST',
  贵州省: 'SOUTHWEST',
  云南省: 'SOUTHWEST',
  西藏自治区: 'SOUTHWEST',
  陕西省: 'NORTHWEST',
  甘肃省: 'NORTHWEST',
  青海省: 'NORTHWEST',
  宁夏回族自治区: 'NORTHWEST',
  新疆维吾尔自治区: 'NORTHWEST',
  辽宁省: 'NORTHEAST',
  吉林省: 'NORTHEAST',
  黑龙江省: 'NORTHEAST',
};

/**
 * The order in which regions are tried for a receiver in each region: its own first, then neighbours by
 * distance. Ties between warehouses of one region are broken by warehouse code.
 */
export const REGION_FALLBACKS: Readonly<Record<Region, readonly Region[]>> = {
  NORTH: ['NORTH', 'NORTHEAST', 'CENTRAL', 'EAST', 'NORTHWEST', 'SOUTHWEST', 'SOUTH'],
  EAST: ['EAST', 'CENTRAL', 'NORTH', 'SOUTH', 'SOUTHWEST', 'NORTHEAST', 'NORTHWEST'],
  SOUTH: ['SOUTH', 'CENTRAL', 'EAST', 'SOUTHWEST', 'NORTH', 'NORTHWEST', 'NORTHEAST'],
  CENTRAL: ['CENTRAL', 'EAST', 'NORTH', 'SOUTH', 'SOUTHWEST', 'NORTHWEST', 'NORTHEAST'],
  SOUTHWEST: ['SOUTHWEST', 'CENTRAL', 'SOUTH', 'NORTHWEST', 'EAST', 'NORTH', 'NORTHEAST'],
  NORTHWEST: ['NORTHWEST', 'SOUTHWEST', 'CENTRAL', 'NORTH', 'EAST', 'SOUTH', 'NORTHEAST'],
  NORTHEAST: ['NORTHEAST', 'NORTH', 'EAST', 'CENTRAL', 'NORTHWEST', 'SOUTHWEST', 'SOUTH'],
};

/** The region of a province as written on an address, or undefined when the name is unknown. */
export function regionOfProvince(province: string): Region | undefined {
  return PROVINCE_REGIONS[province.trim()];
}
