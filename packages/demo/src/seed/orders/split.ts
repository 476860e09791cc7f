import { regionOfProvince, splitAmountsBySubOrder } from '@oms/schema';
import { planSplit } from '@oms/server';
import { SYSTEM, type SeedContext } from './context.js';
import type { OrderDraft, SubOrderDraft, WarehouseInfo } from './model.js';
import type { OrderStory } from './story.js';

/** Goods a story declares sold out at a warehouse when its order was split (see StockLedger.planView). */
export type SoldOut = (warehouseCode: string, sku: string) => boolean;

export function reserveGoods(
  ctx: SeedContext,
  order: OrderDraft,
  sub: SubOrderDraft,
  warehouse: WarehouseInfo,
): void {
  for (const i of sub.lineIndexes)
    ctx.stock.reserve(warehouse.id, order.lines[i]!.sku, order.lines[i]!.quantity);
}

export function releaseGoods(
  ctx: SeedContext,
  order: OrderDraft,
  sub: SubOrderDraft,
  warehouse: WarehouseInfo,
): void {
  for (const i of sub.lineIndexes)
    ctx.stock.release(warehouse.id, order.lines[i]!.sku, order.lines[i]!.quantity);
}

/**
 * Splits the paid order with the server's own planner (services/split/split-plan.ts `planSplit`): one sub-order per
 * third-party merchant (no warehouse: the merchant ships it), then one per handling (cold chain to a COLD_CHAIN
 * warehouse, oversize to an OVERSIZE one, pre-sale, ordinary goods), each sent whole to the nearest warehouse by the
 * receiver's region and the fixed fall-back order that can supply all of it; only when none can are its units (a
 * line with its gifts and split group) spread, and a unit nobody can supply becomes an out-of-stock sub-order.
 * Figures per sub-order are the sums of its lines' frozen allocations (splitAmountsBySubOrder). Stock is reserved
 * and the first warehouse stay recorded, as services/split/split.service.ts does; the order then moves PAID → SPLIT.
 */
export function splitOrder(story: OrderStory, soldOut: SoldOut = () => false): SubOrderDraft[] {
  const { order, ctx } = story;
  const at = story.clock.advance(0.001, 0.01);
  const region = regionOfProvince(order.receiver.province) ?? 'NORTH';
  const plan = planSplit(
    order.lines.map((l, index) => ({
      index,
      lineRef: l.lineRef,
      sku: l.sku,
      quantity: l.quantity,
      attributes: l.attributes,
      merchantId: l.merchantId,
      giftFor: l.giftFor,
      splitGroup: l.splitGroup,
    })),
    ctx.stock.planView([...new Set(order.lines.map((l) => l.sku))], soldOut),
    region,
  );
  const amounts = splitAmountsBySubOrder(
    order.lines.map((l) => l.alloc),
    plan.map((p) => p.lineIndexes),
  );
  plan.forEach((planned, i) => {
    const warehouse = ctx.warehouses.find((w) => w.id === planned.warehouseId) ?? null;
    const sub: SubOrderDraft = {
      number: ctx.numbers.subOrder(order.number),
      status: 'CREATED',
      version: 1,
      warehouse,
      merchantId: planned.merchantId,
      dispatchState: 'NONE',
      held: order.held,
      outOfStock: planned.outOfStock,
      cancelRequestedAt: null,
      lateMinutes: null,
      amounts: amounts[i]!,
      lineIndexes: planned.lineIndexes,
      createdAt: at,
      updatedAt: at,
      dispatchedAt: null,
      shippedAt: null,
      finishedAt: null,
      stays: [],
      shipments: [],
      statusSince: at,
    };
    order.subOrders.push(sub);
    for (const index of planned.lineIndexes) order.lines[index]!.subOrder = sub;
    if (warehouse) {
      reserveGoods(ctx, order, sub, warehouse);
      sub.stays.push({ warehouse, assignedAt: at, releasedAt: null, reason: 'SPLIT' });
    }
    story.entry({
      type: planned.outOfStock ? 'OUT_OF_STOCK' : 'SUB_ORDER_CREATED',
      actor: SYSTEM.splitter,
      at,
      sub,
      after: {
        status: 'CREATED',
        warehouseCode: warehouse?.code ?? null,
        merchantId: planned.merchantId,
        skus: planned.lineIndexes.map((index) => order.lines[index]!.sku),
      },
    });
  });
  story.orderEvent('SPLIT', {}, SYSTEM.splitter, at, { subOrders: order.subOrders.map((s) => s.number) });
  return order.subOrders;
}
