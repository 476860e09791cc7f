/** Our carrier codes (docs/domain.md §7). */
export const CARRIER_CODES = ['JD', 'SF', 'ZTO', 'YTO', 'STO', 'YUNDA', 'EMS'] as const;
/** One carrier code. */
export type CarrierCode = (typeof CARRIER_CODES)[number];

/** A carrier: our code, its Chinese name, and the company code Kuaidi100 uses in pushes. */
export interface Carrier {
  readonly code: CarrierCode;
  readonly name: string;
  readonly kuaidi100Code: string;
}

/** Every carrier, in display order. */
export const CARRIERS: readonly Carrier[] = [
  { code: 'JD', name: '京东物流', kuaidi100Code: 'jd' },
  { code: 'SF', name: '顺丰速运', kuaidi100Code: 'shunfeng' },
  { code: 'ZTO', name: '中通快递', kuaidi100Code: 'zhongtong' },
  { code: 'YTO', name: '圆通速递', kuaidi100Code: 'yuantong' },
  { code: 'STO', name: '申通快递', kuaidi100Code: 'shentong' },
  { code: 'YUNDA', name: '韵达快递', kuaidi100Code: 'yunda' },
  { code: 'EMS', name: '邮政EMS', kuaidi100Code: 'ems' },
];

const BY_KUAIDI100 = new Map(CARRIERS.map((c) => [c.kuaidi100Code, c]));
const BY_CODE = new Map(CARRIERS.map((c) => [c.code as string, c]));

/** The carrier for a Kuaidi100 company code (`com`, case-insensitive), or undefined when unknown. */
export function carrierFromKuaidi100(com: string): Carrier | undefined {
  return BY_KUAIDI100.get(com.trim().toLowerCase());
}

/** The carrier for one of our codes, or undefined when unknown. */
export function carrierByCode(code: string): Carrier | undefined {
  return BY_CODE.get(code);
}

/** True when `value` is one of our carrier codes. */
export function isCarrierCode(value: unknown): value is CarrierCode {
  return typeof value === 'string' && BY_CODE.has(value);
}
