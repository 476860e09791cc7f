import { allowedActionsForSubOrder, customerStatusOfSubOrder } from '@oms/schema';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { OrderEntity, SubOrderEntity, WarehouseEntity } from '../../entities/index.js';
import { amountsOf, AmountsType } from '../common/money.type.js';
import { staffOf, type RequestContext } from '../context.js';
import { WarehouseType } from '../warehouses/warehouse.type.js';
import { InterceptionType } from './interception.type.js';
import { toInterception, toLine, toShipment } from './mappers.js';
import { OrderLineType } from './order-line.type.js';
import { AllowedActionType, OrderObjectType } from './order.type.js';
import { ShipmentType } from './shipment.type.js';
import { SubOrderObjectType, WarehouseAssignmentType } from './sub-order.type.js';

async function parentOf(subOrder: SubOrderEntity, { loaders }: RequestContext): Promise<OrderEntity> {
  const order = await loaders.order.load(subOrder.orderId);
  if (!order) throw new Error(`sub-order ${subOrder.number} has no parent ${subOrder.orderId}`);
  return order;
}

/** A sub-order and every field of its card. */
@Resolver(() => SubOrderObjectType)
export class SubOrderResolver {
  @Authorized('ORDER_READ')
  @Query(() => SubOrderObjectType, { nullable: true })
  subOrder(
    @Arg('number', () => String) number: string,
    @Ctx() { services }: RequestContext,
  ): Promise<SubOrderEntity | null> {
    return services.lookup.findSubOrder(number);
  }

  @FieldResolver(() => OrderObjectType)
  order(@Root() subOrder: SubOrderEntity, @Ctx() context: RequestContext): Promise<OrderEntity> {
    return parentOf(subOrder, context);
  }

  @FieldResolver(() => WarehouseType, {
    nullable: true,
    description: 'where it is now; null while out of stock',
  })
  warehouse(
    @Root() subOrder: SubOrderEntity,
    @Ctx() { loaders }: RequestContext,
  ): Promise<WarehouseEntity | null> | null {
    return subOrder.warehouseId ? loaders.warehouse.load(subOrder.warehouseId) : null;
  }

  @FieldResolver(() => [WarehouseAssignmentType], {
    description: 'every warehouse it passed through, oldest first',
  })
  async warehouseHistory(
    @Root() subOrder: SubOrderEntity,
    @Ctx() { loaders }: RequestContext,
  ): Promise<WarehouseAssignmentType[]> {
    const stays = (await loaders.warehouseHistoryByOrder.load(subOrder.orderId)).filter(
      (s) => s.subOrderId === subOrder.id,
    );
    const warehouses = await loaders.warehouse.loadMany(stays.map((s) => s.warehouseId));
    return stays.map((stay, i) => ({
      warehouse: warehouses[i] as unknown as WarehouseType,
      assignedAt: stay.assignedAt,
      releasedAt: stay.releasedAt,
      reason: stay.reason,
    }));
  }

  @FieldResolver(() => [OrderLineType])
  async lines(
    @Root() subOrder: SubOrderEntity,
    @Ctx() { loaders }: RequestContext,
  ): Promise<OrderLineType[]> {
    const lines = (await loaders.linesByOrder.load(subOrder.orderId)).filter(
      (l) => l.subOrderId === subOrder.id,
    );
    return lines.map((line) => toLine(line, new Map([[subOrder.id, subOrder.number]])));
  }

  @FieldResolver(() => AmountsType, { description: "the sums of its lines' allocations" })
  amounts(@Root() subOrder: SubOrderEntity): AmountsType {
    return amountsOf(subOrder);
  }

  @FieldResolver(() => String, {
    description: 'what the customer sees: 待发货, 待收货, 已完成, 已取消, 已拒收',
  })
  customerStatus(@Root() subOrder: SubOrderEntity): string {
    return customerStatusOfSubOrder(subOrder.status);
  }

  @FieldResolver(() => [ShipmentType])
  async shipments(
    @Root() subOrder: SubOrderEntity,
    @Ctx() { loaders }: RequestContext,
  ): Promise<ShipmentType[]> {
    const [shipments, events] = await Promise.all([
      loaders.shipmentsByOrder.load(subOrder.orderId),
      loaders.logisticsEventsByOrder.load(subOrder.orderId),
    ]);
    return shipments.filter((s) => s.subOrderId === subOrder.id).map((s) => toShipment(s, events));
  }

  @FieldResolver(() => [InterceptionType], { description: 'holds on it or on its whole order' })
  async interceptions(
    @Root() subOrder: SubOrderEntity,
    @Ctx() context: RequestContext,
  ): Promise<InterceptionType[]> {
    const [rows, order] = await Promise.all([
      context.loaders.interceptionsByOrder.load(subOrder.orderId),
      parentOf(subOrder, context),
    ]);
    const numbers = new Map([[subOrder.id, subOrder.number]]);
    return rows
      .filter((row) => row.subOrderId === null || row.subOrderId === subOrder.id)
      .map((row) => toInterception(row, order.number, numbers));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "the warehouse's last delivery error while the dispatch is retrying or dead-lettered",
  })
  async dispatchError(
    @Root() subOrder: SubOrderEntity,
    @Ctx() { db }: RequestContext,
  ): Promise<string | null> {
    if (subOrder.dispatchState !== 'RETRYING' && subOrder.dispatchState !== 'DEAD_LETTER') return null;
    const [row]: { last_error: string }[] = await db.query(
      `SELECT last_error FROM outbound_messages
       WHERE sub_order_id = $1 AND status IN ('PENDING', 'DEAD_LETTER') AND last_error IS NOT NULL
       ORDER BY seq DESC LIMIT 1`,
      [subOrder.id],
    );
    return row?.last_error ?? null;
  }

  @FieldResolver(() => [AllowedActionType], {
    description: "what the caller's role may do now, from the transition table",
  })
  allowedActions(@Root() subOrder: SubOrderEntity, @Ctx() context: RequestContext): AllowedActionType[] {
    return allowedActionsForSubOrder(staffOf(context).role, {
      status: subOrder.status,
      held: subOrder.held,
      cancelRequested: subOrder.cancelRequestedAt !== null,
      dispatchState: subOrder.dispatchState,
    });
  }
}
