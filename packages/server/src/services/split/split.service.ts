import { assertTransition, regionOfProvince, splitAmountsBySubOrder } from '@oms/schema';
import { In, type EntityManager } from 'typeorm';
import {
  lineAllocation,
  type OrderEntity,
  OrderLineEntity,
  SubOrderEntity,
  SubOrderWarehouseEntity,
  WarehouseEntity,
} from '../../entities/index.js';
import { insertRow } from '../../database/insert-row.js';
import { recordOrderEvent, type Actor } from '../helpers/history.js';
import type { OrderNumbers } from '../numbers/order-numbers.js';
import { planSplit, type PlanWarehouse } from './split-plan.js';
import type { Tx } from '../helpers/deps.js';
import { lockStock } from '../helpers/locks.js';
import { quantitiesOf, reserve } from '../helpers/stock.js';
import { applyOrderEvent } from '../helpers/transitions.js';

/** Splits a paid order into sub-orders and reserves their stock, in the caller's transaction. */
export class SplitService {
  constructor(private readonly numbers: OrderNumbers) {}

  async split(tx: Tx, order: OrderEntity, actor: Actor): Promise<SubOrderEntity[]> {
    const { manager } = tx;
    assertTransition('ORDER', order.status, 'SPLIT');
    const lines = await manager
      .getRepository(OrderLineEntity)
      .find({ where: { orderId: order.id }, order: { lineNo: 'ASC' } });
    const warehouses = await this.lockCandidates(manager, lines);
    const region = regionOfProvince(order.receiverProvince) ?? 'NORTH';
    const plan = planSplit(
      lines.map((l, index) => ({ ...l, index })),
      warehouses,
      region,
    );
    const amounts = splitAmountsBySubOrder(
      lines.map(lineAllocation),
      plan.map((p) => p.lineIndexes),
    );
    const now = new Date();
    const held = order.held;
    const created: SubOrderEntity[] = [];
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
      if (planned.warehouseId) await reserve(manager, planned.warehouseId, quantitiesOf(subLines));
      if (subOrder.warehouseId) await this.recordStay(manager, subOrder, order, subOrder.warehouseId, now);
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
    await applyOrderEvent(tx, {
      order,
      event: 'SPLIT',
      actor,
      details: { subOrders: created.map((s) => s.number) },
    });
    return created;
  }

  /** Active warehouses with the order's skus, their stock rows locked in a fixed order so splits never deadlock. */
  private async lockCandidates(manager: EntityManager, lines: OrderLineEntity[]): Promise<PlanWarehouse[]> {
    const warehouses = await manager
      .getRepository(WarehouseEntity)
      .find({ where: { active: true, kind: 'WAREHOUSE' } });
    const rows = await lockStock(
      manager,
      warehouses.map((w) => w.id),
      [...new Set(lines.map((l) => l.sku))],
    );
    return warehouses.map((w) => ({
      id: w.id,
      code: w.code,
      region: w.region,
      capabilities: w.capabilities,
      available: new Map(rows.filter((r) => r.warehouseId === w.id).map((r) => [r.sku, r.available])),
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
