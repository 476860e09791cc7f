import {
  CARRIERS,
  classifyReport,
  LOGISTICS_RANK,
  mapKuaidi100State,
  type CarrierCode,
  type LogisticsNode,
} from '@oms/schema';
import type { StoryClock } from './clock.js';
import { uniqueValue, type SeedContext } from './context.js';
import type { ShipmentDraft } from './model.js';

/** JD's own network carries most of a JD-style retailer's parcels; merchants use the national express firms. */
const WAREHOUSE_CARRIERS: readonly (readonly [CarrierCode, number])[] = [
  ['JD', 45],
  ['SF', 18],
  ['ZTO', 8],
  ['YTO', 8],
  ['STO', 7],
  ['YUNDA', 7],
  ['EMS', 7],
];
const MERCHANT_CARRIERS: readonly (readonly [CarrierCode, number])[] = [
  ['SF', 25],
  ['ZTO', 20],
  ['YTO', 18],
  ['STO', 12],
  ['YUNDA', 15],
  ['EMS', 10],
];

export function pickCarrier(ctx: SeedContext, merchant: boolean): CarrierCode {
  return ctx.rng.weighted(merchant ? MERCHANT_CARRIERS : WAREHOUSE_CARRIERS);
}

/** A waybill number shaped like the carrier's own (and unique across the run). */
export function trackingNumber(ctx: SeedContext, carrier: CarrierCode): string {
  const { rng } = ctx;
  return uniqueValue(ctx, () => {
    switch (carrier) {
      case 'JD':
        return rng.chance(0.7) ? `JD${rng.digits(13)}` : `JDVA${rng.digits(11)}`;
      case 'SF':
        return `SF${rng.int(1, 9)}${rng.digits(12)}`;
      case 'ZTO':
        return `7${rng.int(3, 8)}${rng.digits(10)}`;
      case 'YTO':
        return `YT${rng.int(1, 9)}${rng.digits(12)}`;
      case 'STO':
        return `77${rng.int(1, 9)}${rng.digits(11)}`;
      case 'YUNDA':
        return `4${rng.int(3, 6)}${rng.digits(11)}`;
      case 'EMS':
        return `1${rng.digits(12)}`;
    }
  });
}

/** Where a parcel travels from and to (city names, a district for the last mile). */
export interface Leg {
  readonly fromCity: string;
  readonly fromDistrict: string;
  readonly toCity: string;
  readonly toDistrict: string;
}

const COURIERS = ['张师傅', '李师傅', '王师傅', '刘师傅', '陈师傅', '赵师傅', '周师傅', '孙师傅'];
const HUB_NAMES: Readonly<Record<string, string>> = {
  北京市: '北京亦庄分拣中心',
  上海市: '上海青浦转运中心',
  广州市: '广州白云转运中心',
  武汉市: '武汉东西湖分拨中心',
  成都市: '成都双流分拣中心',
};

function hub(city: string): string {
  return HUB_NAMES[city] ?? `${city.replace(/市$/, '')}转运中心`;
}

/** One tracking step to store: Kuaidi100 state code and Chinese text. */
interface Step {
  readonly state: string;
  readonly context: string;
  readonly area: string;
}

/** The steps of a track up to `target`, in the Kuaidi100 texts and codes the demo carrier simulator also uses. */
function stepsTo(
  ctx: SeedContext,
  carrierName: string,
  leg: Leg,
  target: LogisticsNode,
  exception: boolean,
): Step[] {
  const { rng } = ctx;
  const { fromCity, toCity } = leg;
  const fromSite = `${fromCity.replace(/市$/, '')}${leg.fromDistrict}营业部`;
  const toSite = `${toCity.replace(/市$/, '')}${leg.toDistrict}营业部`;
  const courier = `${rng.pick(COURIERS)}（1${rng.int(3, 9)}${rng.digits(9)}）`;
  const problem: Step = {
    state: rng.pick(['2', '201', '206', '208']),
    context: rng.pick([
      '快件在【转运中心】滞留，原因：天气原因航班延误，正在协调处理',
      '快件派送不成功（联系不上收件人），待再次派送',
    ]),
    area: toCity,
  };
  const steps: Step[] = [
    {
      state: rng.pick(['1', '103']),
      context: `【${fromCity}】${carrierName}【${fromSite}】已揽收`,
      area: fromCity,
    },
  ];
  if (target === 'COLLECTED') return steps;
  steps.push({
    state: '0',
    context: `【${fromCity}】快件已由【${hub(fromCity)}】发出，下一站【${hub(toCity)}】`,
    area: fromCity,
  });
  if (fromCity !== toCity && rng.chance(0.7))
    steps.push({ state: '1002', context: `【${toCity}】快件已到达【${hub(toCity)}】`, area: toCity });
  if (target === 'EXCEPTION') return [...steps, problem];
  const station: Step = { state: '1001', context: `【${toCity}】快件已到达【${toSite}】`, area: toCity };
  if (target === 'IN_TRANSIT') return rng.chance(0.5) ? [...steps, station] : steps;
  if (exception) steps.push(problem);
  steps.push(station, {
    state: rng.chance(0.85) ? '5' : '501',
    context: `【${toCity}】【${toSite}】快递员 ${courier} 正在为您派件，请保持电话畅通`,
    area: toCity,
  });
  if (target === 'OUT_FOR_DELIVERY') return steps;
  if (target === 'SIGNED') {
    const [state, context] = rng.weighted([
      [['301', '快件已签收，签收人：本人，感谢使用，期待再次为您服务'], 6],
      [['304', `快件已投递至【${leg.toDistrict}菜鸟驿站】，请凭取件码及时取件`], 2],
      [['303', '快件已签收，签收人：家人代收'], 1],
      [['3', '快件已签收，签收人：本人'], 1],
    ] as const);
    return [...steps, { state, context, area: toCity }];
  }
  steps.push({ state: '14', context: '收件人拒收，原因：不想要了。快件将退回寄件人', area: toCity });
  if (target === 'REJECTED') return steps;
  steps.push({
    state: '6',
    context: `【${toCity}】快件已由【${hub(toCity)}】发出，退回寄件人途中`,
    area: toCity,
  });
  if (target === 'RETURNING') return steps;
  return [...steps, { state: '4', context: `【${fromCity}】退回件已由寄件人签收`, area: fromCity }];
}

/**
 * Walks a parcel's track to `target`, one carrier push per step as the Kuaidi100 webhook stores them: the raw
 * state, its node and customer visibility from the mapping; the shipment's node only moves forward (a repeated
 * in-transit entry is a REPEAT, EXCEPTION may go back to the path at or above its last normal node), checked by
 * packages/schema's classifyReport, and `lastNormalNode` kept as the push service keeps it.
 */
export function track(
  ctx: SeedContext,
  shipment: ShipmentDraft,
  leg: Leg,
  target: LogisticsNode,
  clock: StoryClock,
  exception = false,
): void {
  const carrierName = CARRIERS.find((c) => c.code === shipment.carrier)!.name;
  const gaps: Record<string, [number, number]> = {
    COLLECTED: [20, 150],
    IN_TRANSIT: [120, 600],
    OUT_FOR_DELIVERY: [60, 600],
    EXCEPTION: [180, 900],
    SIGNED: [20, 300],
    REJECTED: [10, 90],
    RETURNING: [120, 900],
    RETURN_SIGNED: [1_400, 3_600],
  };
  for (const step of stepsTo(ctx, carrierName, leg, target, exception)) {
    const mapping = mapKuaidi100State(step.state)!;
    const occurredAt = clock.advance(...gaps[mapping.node]!);
    shipment.events.push({
      rawState: step.state,
      node: mapping.node,
      context: step.context,
      areaName: step.area,
      occurredAt,
      customerVisible: mapping.customerVisible,
    });
    const current = shipment.node;
    const outcome =
      current === null
        ? 'APPLY'
        : classifyReport('LOGISTICS', current, `REPORT_${mapping.node}`, {
            lastNormalNode: shipment.lastNormalNode,
          });
    if (outcome === 'STALE') throw new Error(`seed track moves ${current} back to ${mapping.node}`);
    if (outcome !== 'APPLY') continue;
    shipment.node = mapping.node;
    if (mapping.node !== 'EXCEPTION' && LOGISTICS_RANK[mapping.node] <= LOGISTICS_RANK.SIGNED)
      shipment.lastNormalNode = mapping.node;
  }
}
