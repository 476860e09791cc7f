import type { FulfilmentStatus, OrderSource, OrderStatus, OrderType } from '@oms/schema';
import { Field, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../common/scalars.js';
import { FulfilmentStatusEnum, OrderSourceEnum, OrderStatusEnum, OrderTypeEnum } from '../enums.js';
import { OrderObjectType } from './order.type.js';

/** docs/api.md `OrderFilter`: flat fields, all optional, combined with AND. */
@InputType('OrderFilter')
export class OrderFilterInput {
  @Field(() => OrderStatusEnum, { nullable: true }) status?: OrderStatus | null;
  @Field(() => FulfilmentStatusEnum, { nullable: true, description: 'some sub-order has it' })
  fulfilmentStatus?: FulfilmentStatus | null;
  @Field(() => String, { nullable: true, description: 'some sub-order is at it' }) warehouseCode?:
    string | null;
  @Field(() => OrderSourceEnum, { nullable: true }) source?: OrderSource | null;
  @Field(() => OrderTypeEnum, { nullable: true }) type?: OrderType | null;
  @Field(() => DateTime, { nullable: true }) createdFrom?: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'exclusive' }) createdTo?: Date | null;
  @Field(() => Boolean, { nullable: true }) held?: boolean | null;
  @Field(() => String, { nullable: true, description: 'the full 11-digit number' }) receiverPhone?:
    string | null;
  @Field(() => String, { nullable: true }) trackingNumber?: string | null;
}

@ObjectType('OrderEdge')
export class OrderEdge {
  @Field(() => String) cursor: string;
  @Field(() => OrderObjectType) node: OrderObjectType;
}

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean) hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** A Relay connection of orders, newest first, keyset-paged. */
@ObjectType('OrderConnection')
export class OrderConnection {
  @Field(() => [OrderEdge]) edges: OrderEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
