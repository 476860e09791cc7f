import type { DispatchState, FulfilmentStatus } from '@oms/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../common/scalars.js';
import { DispatchStateEnum, FulfilmentStatusEnum } from '../enums.js';
import { WarehouseType } from '../warehouses/warehouse.type.js';

/** One stay of a sub-order at a warehouse. */
@ObjectType('WarehouseAssignment')
export class WarehouseAssignmentType {
  @Field(() => WarehouseType) warehouse: WarehouseType;
  @Field(() => DateTime) assignedAt: Date;
  @Field(() => DateTime, { nullable: true }) releasedAt: Date | null;
  @Field(() => String) reason: string;
}

/** A sub-order (docs/api.md `SubOrder`); relations are resolved in SubOrderResolver. */
@ObjectType('SubOrder')
export class SubOrderObjectType {
  @Field(() => ID) id: string;
  @Field(() => String) number: string;
  @Field(() => FulfilmentStatusEnum) status: FulfilmentStatus;
  @Field(() => Int) version: number;
  @Field(() => DispatchStateEnum) dispatchState: DispatchState;
  @Field(() => Boolean) held: boolean;
  @Field(() => Boolean, { description: 'no active warehouse can supply a line: ops must reassign' })
  outOfStock: boolean;
  @Field(() => DateTime, { nullable: true }) cancelRequestedAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'minutes past the warehouse SLA' }) lateMinutes:
    number | null;
  @Field(() => String, { nullable: true }) merchantId: string | null;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => DateTime, { nullable: true }) dispatchedAt: Date | null;
  @Field(() => DateTime, { nullable: true }) shippedAt: Date | null;
}
