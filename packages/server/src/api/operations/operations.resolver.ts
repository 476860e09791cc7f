import { Arg, Authorized, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { SubOrderEntity } from '../../entities/index.js';
import { DateTime } from '../common/scalars.js';
import type { RequestContext } from '../context.js';
import { PageInfo } from '../orders/order-connection.type.js';
import { SubOrderObjectType } from '../orders/sub-order.type.js';
import { SubOrderFilterInput, WarehouseLoadType } from './sub-order-list.types.js';
import { pageSize, toConnection } from '../common/connections.js';

@ObjectType('StateTiming', {
  description: 'time spent in one status by sub-orders of one warehouse, entered on one day',
})
export class StateTimingType {
  @Field(() => String) warehouseCode: string;
  @Field(() => String, { description: 'YYYY-MM-DD, Asia/Shanghai' }) day: string;
  @Field(() => String) status: string;
  @Field(() => Int) count: number;
  @Field(() => Float) p50Seconds: number;
  @Field(() => Float) p90Seconds: number;
}

@ObjectType('SubOrderEdge')
export class SubOrderEdge {
  @Field(() => String) cursor: string;
  @Field(() => SubOrderObjectType) node: SubOrderEntity;
}

@ObjectType('SubOrderConnection')
export class SubOrderConnection {
  @Field(() => [SubOrderEdge]) edges: SubOrderEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

/** Ops' view of the warehouses: SLA and time in state (docs/roles.md: OPS and up). */
@Resolver()
export class OperationsResolver {
  @Authorized('WAREHOUSE_FIGURES_READ')
  @Query(() => [StateTimingType], {
    description: 'p50/p90 time in each state per warehouse and day, from the event history',
  })
  warehouseTimings(
    @Arg('from', () => DateTime) from: Date,
    @Arg('to', () => DateTime) to: Date,
    @Ctx() { services }: RequestContext,
  ): Promise<StateTimingType[]> {
    return services.warehouseFigures.timings(from, to);
  }

  @Authorized('WAREHOUSE_FIGURES_READ')
  @Query(() => SubOrderConnection, { description: 'sub-orders past their warehouse SLA, latest first' })
  async lateSubOrders(
    @Ctx() { services }: RequestContext,
    @Arg('warehouseCode', () => String, { nullable: true }) warehouseCode?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<SubOrderConnection> {
    return toConnection(
      await services.warehouseFigures.late(warehouseCode ?? null, pageSize(first, 50), after ?? null),
    );
  }

  @Authorized('WAREHOUSE_FIGURES_READ')
  @Query(() => [WarehouseLoadType], { description: 'open sub-orders per warehouse and status' })
  warehouseLoad(@Ctx() { services }: RequestContext): Promise<WarehouseLoadType[]> {
    return services.warehouseFigures.load();
  }

  @Authorized('WAREHOUSE_FIGURES_READ')
  @Query(() => SubOrderConnection, {
    description: 'sub-orders by operational filters (out of stock, dead-lettered, …), newest first',
  })
  async subOrders(
    @Ctx() { services }: RequestContext,
    @Arg('filter', () => SubOrderFilterInput, { nullable: true }) filter?: SubOrderFilterInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<SubOrderConnection> {
    return toConnection(
      await services.warehouseFigures.subOrders(filter ?? {}, pageSize(first, 50), after ?? null),
    );
  }
}
