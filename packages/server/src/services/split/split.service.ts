import { assertTransition, regionOfProvince, splitAmountsBySubOrder, type LineAllocation } from '@oms/schema';
import { In, type EntityManager } from 'typeorm';
import {
  type OrderEntity,
  OrderLineEntity,
  SubOrderEntity,
  SubOrderWarehouseEntity,
  WarehouseEntity,
} from '../../entities/index.js';
import { insertRow } from '../../database/insert-row.js';
import { recordOrderEvent, type Actor } from '../history.js';
import type { OrderNumbers } from '../numbers/order-numbers.js';
import { planSplit, type PlanWarehouse } from './split-plan.js';
import { applyOrderEvent } from '../status-writes.js';

function allocationOf(line: OrderLineEntity): LineAllocation {
  return {
    lineAmount: line.lineAmountFen,
    freight: line.allocFreightFen,
    couponDiscount: line.allocCouponFen,
    promotionDiscount: line.allocPromotionFen,
    giftCards: line.allocGiftCards,
    giftCard: line.allocGiftCardFen,
    points: line.allocPointsFen,
    cash: line.allocCashFen,
  };
}

/** Stock a split's sub-orders reserve at a warehouse (claimStock writes it). */
export interface StockClaim {
  readonly warehouseId: string;
  readonly sku: string;
  readonly quantity: number;
}

/**
 * The stock a split counted on was taken by another order between the split's read and its claim: the caller rolls
 * its transaction back and runs it again (splitting afresh), the last time with the stock locked up front.
 */
export class StockRaceError extends Error {
  constructor(readonly claims: readonly StockClaim[]) {
    super('stock counted on by the split was taken meanwhile');
  }
}

/** How many times a payment's transaction is run when its stock claim loses a race; the last locks stock first. */
export const STOCK_ATTEMPTS = 3;

/**
 * Runs `work(lockStockFirst)` again when it ends in a lost stock race: the first attempts read stock without locking
 * it (the hot rows are then locked only by claimStock, for one statement and the commit), the last locks it up front
 * and so cannot lose.
 */
export async function withStockRetries<T>(work: (lockStockFirst: boolean) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt === STOCK_ATTEMPTS);
    } catch (error) {
      if (!(error instanceof StockRaceError) || attempt === STOCK_ATTEMPTS) throw error;
    }
  }
}

/**
 * Splits a paid order into sub-orders, in the caller's transaction, and returns the stock they reserve; the caller
 * claims it with claimStock as the transaction's last write. Reading stock without a lock and claiming it last keeps
 * a popular SKU's rows locked for one statement and the commit instead of the whole payment (performance.md P4: with
 * the lock taken here, every payment for the same goods queued behind the previous one's ~20 statements).
 */
export class SplitService {
  constructor(private readonly numbers: OrderNumbers) {}

  async split(
    manager: EntityManager,
    order: OrderEntity,
    actor: Actor,
    { lockStockFirst = false }: { lockStockFirst?: boolean } = {},
  ): Promise<{ subOrders: SubOrderEntity[]; claims: StockClaim[] }> {
    assertTransition('ORDER', order.status, 'SPLIT');
    const lines = await manager
      .getRepository(OrderLineEntity)
      .find({ where: { orderId: order.id }, order: { lineNo: 'ASC' } });
    const warehouses = await this.candidates(manager, lines, lockStockFirst);
    const region = regionOfProvince(order.receiverProvince) ?? 'NORTH';
    const plan = planSplit(
      lines.map((l, index) => ({ ...l, index })),
      warehouses,
      region,
    );
    const amounts = splitAmountsBySubOrder(
      lines.map(allocationOf),
      plan.map((p) => p.lineIndexes),
    );
    const now = new Date();
    const held = order.held;
    const created: SubOrderEntity[] = [];
    const claims: StockClaim[] = [];
    const merchants = await this.merchantLocations(
      manager,
      plan.flatMap((p) => (p.merchantId ? [p.merchantId] : [])),
    );
    for (const [i, planned] of plan.entries()) {
      const figures = amounts[i]!;
      const number = await this.numbers.subOrder(order.number);
      const subOrder = await insertRow(manager, SubOrderEntity, {
        number,
        orderId: order.id,
        shard: order.shard,
        status: 'CREATED',
        // A merchant's goods go to the merchant's own location: dispatched like a warehouse, no stock of ours.
        warehouseId:
          planned.warehouseId ??
          (planned.merchantId ? (merchants.get(planned.merchantId)?.id ?? null) : null),
        merchantId: planned.merchantId,
        dispatchState: 'NONE',
        held,
        outOfStock: planned.outOfStock,
        goodsFen: figures.goods,
        freightFen: figures.freight,
        couponDiscountFen: figures.couponDiscount,
        promotionDiscountFen: figures.promotionDiscount,
        giftCardFen: figures.giftCard,
        pointsFen: figures.points,
        payableFen: figures.payable,
        createdAt: now,
        updatedAt: now,
      });
      const subLines = planned.lineIndexes.map((index) => lines[index]!);
      await manager.getRepository(OrderLineEntity).update(
        subLines.map((l) => l.id),
        { subOrderId: subOrder.id },
      );
      if (planned.warehouseId) {
        claims.push(...claimsOf(planned.warehouseId, subLines));
        await this.recordStay(manager, subOrder, order, planned.warehouseId, now);
      } else if (subOrder.warehouseId)
        await this.recordStay(manager, subOrder, order, subOrder.warehouseId, now);
      const warehouse =
        warehouses.find((w) => w.id === planned.warehouseId) ??
        (planned.merchantId ? merchants.get(planned.merchantId) : undefined);
      await recordOrderEvent(manager, {
        order,
        subOrderId: subOrder.id,
        type: planned.outOfStock ? 'OUT_OF_STOCK' : 'SUB_ORDER_CREATED',
        actor,
        after: {
          status: 'CREATED',
          warehouseCode: warehouse?.code ?? null,
          merchantId: planned.merchantId,
          skus: subLines.map((l) => l.sku),
        },
        at: now,
      });
      created.push(subOrder);
    }
    await applyOrderEvent(manager, order, 'SPLIT', {}, actor, { subOrders: created.map((s) => s.number) });
    return { subOrders: created, claims };
  }

  /**
   * Active warehouses with what they have of the order's skus; with `lock`, the stock rows locked in a fixed order
   * (so splits never deadlock) until the transaction ends.
   */
  private async candidates(
    manager: EntityManager,
    lines: OrderLineEntity[],
    lock: boolean,
  ): Promise<PlanWarehouse[]> {
    const warehouses = await manager
      .getRepository(WarehouseEntity)
      .find({ where: { active: true, kind: 'WAREHOUSE' } });
    const rows: { warehouse_id: string; sku: string; available: number }[] = await manager.query(
      `SELECT warehouse_id, sku, on_hand - reserved AS available FROM stock
       WHERE warehouse_id = ANY($1) AND sku = ANY($2) ORDER BY warehouse_id, sku${lock ? ' FOR UPDATE' : ''}`,
      [warehouses.map((w) => w.id), [...new Set(lines.map((l) => l.sku))]],
    );
    return warehouses.map((w) => ({
      id: w.id,
      code: w.code,
      region: w.region,
      capabilities: w.capabilities,
      available: new Map(
        rows.filter((r) => String(r.warehouse_id) === w.id).map((r) => [r.sku, Number(r.available)]),
      ),
    }));
  }

  /** The sub-order's first stay: at the warehouse (or merchant) the split chose. */
  private async recordStay(
    manager: EntityManager,
    subOrder: SubOrderEntity,
    order: OrderEntity,
    warehouseId: string,
    at: Date,
  ): Promise<void> {
    await manager.getRepository(SubOrderWarehouseEntity).insert({
      subOrderId: subOrder.id,
      orderId: order.id,
      shard: order.shard,
      warehouseId,
      assignedAt: at,
      releasedAt: null,
      reason: 'SPLIT',
    });
  }

  /** Active merchant locations by code. */
  private async merchantLocations(
    manager: EntityManager,
    codes: string[],
  ): Promise<Map<string, WarehouseEntity>> {
    if (!codes.length) return new Map();
    const rows = await manager
      .getRepository(WarehouseEntity)
      .find({ where: { kind: 'MERCHANT', active: true, code: In(codes) } });
    return new Map(rows.map((m) => [m.code, m]));
  }
}

/** A sub-order's lines at a warehouse as stock claims, one per sku. */
function claimsOf(warehouseId: string, lines: OrderLineEntity[]): StockClaim[] {
  const quantities = new Map<string, number>();
  for (const line of lines) quantities.set(line.sku, (quantities.get(line.sku) ?? 0) + line.quantity);
  return [...quantities].map(([sku, quantity]) => ({ warehouseId, sku, quantity }));
}

/**
 * Reserves the claimed stock: the rows locked in (warehouse, sku) order, as every stock writer locks them, then one
 * guarded UPDATE that only takes what is still free. A claim that no longer fits (another order took the stock after
 * this split read it) is a StockRaceError: the caller's transaction rolls back whole and is run again.
 */
export async function claimStock(manager: EntityManager, claims: readonly StockClaim[]): Promise<void> {
  if (!claims.length) return;
  const merged = new Map<string, StockClaim>();
  for (const claim of claims) {
    const key = `${claim.warehouseId}|${claim.sku}`;
    const earlier = merged.get(key);
    merged.set(key, earlier ? { ...claim, quantity: earlier.quantity + claim.quantity } : claim);
  }
  const list = [...merged.values()];
  const parameters = [list.map((c) => c.warehouseId), list.map((c) => c.sku), list.map((c) => c.quantity)];
  await manager.query(
    `SELECT 1 FROM stock s JOIN unnest($1::bigint[], $2::text[]) AS c(warehouse_id, sku)
       ON s.warehouse_id = c.warehouse_id AND s.sku = c.sku
     ORDER BY s.warehouse_id, s.sku FOR UPDATE OF s`,
    parameters.slice(0, 2),
  );
  const [, affected] = (await manager.query(
    `UPDATE stock s SET reserved = s.reserved + c.quantity
     FROM unnest($1::bigint[], $2::text[], $3::int[]) AS c(warehouse_id, sku, quantity)
     WHERE s.warehouse_id = c.warehouse_id AND s.sku = c.sku AND s.on_hand - s.reserved >= c.quantity`,
    parameters,
  )) as [unknown, number];
  if (affected !== list.length) throw new StockRaceError(list);
}
