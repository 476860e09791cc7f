import { REGION_FALLBACKS, type LineAttribute, type Region, type WarehouseCapability } from '@oms/schema';

/** What the planner needs of a line. */
export interface PlanLine {
  readonly index: number;
  readonly lineRef: string;
  readonly sku: string;
  readonly quantity: number;
  readonly attributes: readonly LineAttribute[];
  readonly merchantId: string | null;
  readonly giftFor: string | null;
  readonly splitGroup: string | null;
}

/** What the planner needs of a warehouse, with its available stock by sku. */
export interface PlanWarehouse {
  readonly id: string;
  readonly code: string;
  readonly region: Region;
  readonly capabilities: readonly WarehouseCapability[];
  readonly available: ReadonlyMap<string, number>;
}

/** One sub-order to create: its lines and where it goes (a warehouse, a merchant, or nowhere: out of stock). */
export interface PlannedSubOrder {
  readonly lineIndexes: number[];
  readonly warehouseId: string | null;
  readonly merchantId: string | null;
  readonly outOfStock: boolean;
}

type SpecialHandling = 'COLD_CHAIN' | 'OVERSIZE' | 'PRESALE';
type Handling = SpecialHandling | 'NORMAL';
const HANDLINGS: readonly SpecialHandling[] = ['COLD_CHAIN', 'OVERSIZE', 'PRESALE'];

/** Lines that must travel together: a gift with its main line, a checkout split group. */
function units(lines: readonly PlanLine[]): PlanLine[][] {
  const parent = new Map<number, number>(lines.map((l) => [l.index, l.index]));
  const find = (i: number): number => (parent.get(i) === i ? i : find(parent.get(i)!));
  const join = (a: number, b: number) => parent.set(find(a), find(b));
  const byRef = new Map(lines.map((l) => [l.lineRef, l.index]));
  const byGroup = new Map<string, number>();
  for (const line of lines) {
    const main = line.giftFor ? byRef.get(line.giftFor) : undefined;
    if (main !== undefined) join(line.index, main);
    if (line.splitGroup) {
      const first = byGroup.get(line.splitGroup);
      if (first === undefined) byGroup.set(line.splitGroup, line.index);
      else join(line.index, first);
    }
  }
  const groups = new Map<number, PlanLine[]>();
  for (const line of lines) groups.set(find(line.index), [...(groups.get(find(line.index)) ?? []), line]);
  return [...groups.values()];
}

function handlingOf(unit: readonly PlanLine[]): Handling {
  return HANDLINGS.find((h) => unit.some((l) => l.attributes.includes(h))) ?? 'NORMAL';
}

function needs(lines: readonly PlanLine[]): Map<string, number> {
  const total = new Map<string, number>();
  for (const line of lines) total.set(line.sku, (total.get(line.sku) ?? 0) + line.quantity);
  return total;
}

function canSupply(
  warehouse: PlanWarehouse,
  lines: readonly PlanLine[],
  handling: Handling,
  taken: Map<string, number>,
): boolean {
  if ((handling === 'COLD_CHAIN' || handling === 'OVERSIZE') && !warehouse.capabilities.includes(handling))
    return false;
  for (const [sku, quantity] of needs(lines)) {
    const left = (warehouse.available.get(sku) ?? 0) - (taken.get(`${warehouse.id}|${sku}`) ?? 0);
    if (left < quantity) return false;
  }
  return true;
}

function take(warehouse: PlanWarehouse, lines: readonly PlanLine[], taken: Map<string, number>): void {
  for (const [sku, quantity] of needs(lines)) {
    const key = `${warehouse.id}|${sku}`;
    taken.set(key, (taken.get(key) ?? 0) + quantity);
  }
}

/** Warehouses nearest first: the receiver's region, then the fall-back regions in order, ties by code. */
export function byDistance(warehouses: readonly PlanWarehouse[], receiverRegion: Region): PlanWarehouse[] {
  const rank = new Map(REGION_FALLBACKS[receiverRegion].map((region, i) => [region, i]));
  return [...warehouses].sort(
    (a, b) => rank.get(a.region)! - rank.get(b.region)! || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * Splits a paid order (docs/domain.md §6.3). Third-party lines go to one sub-order per merchant. The rest are grouped by
 * handling (cold chain, oversize, pre-sale, ordinary); each group goes whole to the nearest warehouse that can
 * supply all of it, because one parcel costs the customer less freight than two nearer ones. Only when no single
 * warehouse can, its units (a line with its gifts and split group) go one by one to the nearest warehouse with
 * stock, and a unit no warehouse can supply becomes an out-of-stock sub-order for ops. Nothing is dropped.
 */
export function planSplit(
  lines: readonly PlanLine[],
  warehouses: readonly PlanWarehouse[],
  receiverRegion: Region,
): PlannedSubOrder[] {
  const ordered = byDistance(warehouses, receiverRegion);
  const taken = new Map<string, number>();
  const planned: PlannedSubOrder[] = [];
  const byMerchant = new Map<string, PlanLine[][]>();
  const byHandling = new Map<Handling, PlanLine[][]>();
  for (const unit of units(lines)) {
    const merchant = unit.find((l) => l.merchantId)?.merchantId;
    if (merchant) byMerchant.set(merchant, [...(byMerchant.get(merchant) ?? []), unit]);
    else byHandling.set(handlingOf(unit), [...(byHandling.get(handlingOf(unit)) ?? []), unit]);
  }
  for (const [merchantId, merchantUnits] of byMerchant) {
    planned.push({
      lineIndexes: merchantUnits.flat().map((l) => l.index),
      warehouseId: null,
      merchantId,
      outOfStock: false,
    });
  }
  for (const [handling, handlingUnits] of byHandling) {
    const all = handlingUnits.flat();
    const whole = ordered.find((w) => canSupply(w, all, handling, taken));
    if (whole) {
      take(whole, all, taken);
      planned.push({
        lineIndexes: all.map((l) => l.index),
        warehouseId: whole.id,
        merchantId: null,
        outOfStock: false,
      });
      continue;
    }
    const perWarehouse = new Map<string | null, number[]>();
    for (const unit of handlingUnits) {
      const warehouse = ordered.find((w) => canSupply(w, unit, handling, taken));
      if (warehouse) take(warehouse, unit, taken);
      const key = warehouse?.id ?? null;
      perWarehouse.set(key, [...(perWarehouse.get(key) ?? []), ...unit.map((l) => l.index)]);
    }
    for (const [warehouseId, lineIndexes] of perWarehouse) {
      planned.push({ lineIndexes, warehouseId, merchantId: null, outOfStock: warehouseId === null });
    }
  }
  return planned.map((p) => ({ ...p, lineIndexes: [...p.lineIndexes].sort((a, b) => a - b) }));
}
