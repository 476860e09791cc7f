import type { Region, WarehouseCapability } from '@oms/schema';

/** A warehouse of the demo network. */
export interface DemoWarehouse {
  code: string;
  name: string;
  region: Region;
  province: string;
  city: string;
  address: string;
  branch: string;
  capabilities: WarehouseCapability[];
  slaAcceptMinutes: number;
  /** The daily cut-off, `HH:mm` Asia/Shanghai (docs/domain.md §8). */
  cutoffLocalTime: string;
}

/** Five warehouses in five regions (demo data, docs/api.md). */
export const DEMO_WAREHOUSES: readonly DemoWarehouse[] = [
  {
    code: 'BJ01',
    name: '北京亦庄仓',
    region: 'NORTH',
    province: '北京市',
    city: '北京市',
    address: '大兴区亦庄经济开发区科创十一街 18 号',
    branch: '华北分公司',
    capabilities: ['COLD_CHAIN', 'OVERSIZE'],
    slaAcceptMinutes: 30,
    cutoffLocalTime: '11:00',
  },
  {
    code: 'SH01',
    name: '上海嘉定仓',
    region: 'EAST',
    province: '上海市',
    city: '上海市',
    address: '嘉定区兴邦路 2288 号',
    branch: '华东分公司',
    capabilities: ['COLD_CHAIN'],
    slaAcceptMinutes: 30,
    cutoffLocalTime: '11:00',
  },
  {
    code: 'GZ01',
    name: '广州黄埔仓',
    region: 'SOUTH',
    province: '广东省',
    city: '广州市',
    address: '黄埔区开创大道 2555 号',
    branch: '华南分公司',
    capabilities: ['OVERSIZE'],
    slaAcceptMinutes: 45,
    cutoffLocalTime: '12:00',
  },
  {
    code: 'WH01',
    name: '武汉东西湖仓',
    region: 'CENTRAL',
    province: '湖北省',
    city: '武汉市',
    address: '东西湖区走马岭汇通大道 8 号',
    branch: '华中分公司',
    capabilities: ['OVERSIZE'],
    slaAcceptMinutes: 45,
    cutoffLocalTime: '11:00',
  },
  {
    code: 'CD01',
    name: '成都双流仓',
    region: 'SOUTHWEST',
    province: '四川省',
    city: '成都市',
    address: '双流区西航港大道 1688 号',
    branch: '西南分公司',
    capabilities: ['COLD_CHAIN'],
    slaAcceptMinutes: 60,
    cutoffLocalTime: '10:00',
  },
];

/** The demo's third-party merchants (the `merchantId` of their skus), as fulfilment locations of kind MERCHANT. */
export const DEMO_MERCHANTS: readonly DemoWarehouse[] = [
  {
    code: 'M-YUNCHA',
    name: '云南茶商（商家直发）',
    region: 'SOUTHWEST',
    province: '云南省',
    city: '昆明市',
    address: '官渡区茶城路 8 号',
    branch: '开放平台',
    capabilities: [],
    slaAcceptMinutes: 120,
    cutoffLocalTime: '16:00',
  },
  {
    code: 'M-JDZ',
    name: '景德镇瓷器（商家直发）',
    region: 'EAST',
    province: '江西省',
    city: '景德镇市',
    address: '珠山区陶瓷街 66 号',
    branch: '开放平台',
    capabilities: [],
    slaAcceptMinutes: 120,
    cutoffLocalTime: '16:00',
  },
];
