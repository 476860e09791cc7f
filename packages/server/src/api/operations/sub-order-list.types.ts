import type { DispatchState, FulfilmentStatus } from '@oms/schema';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DispatchStateEnum, FulfilmentStatusEnum } from '../enums.js';

@InputType('SubOrderFilter')
export class SubOrderFilterInput {
  @Field(() => FulfilmentStatusEnum, { nullable: true }) status?: FulfilmentStatus | null;
  @Field(() => String, { nullable: true }) warehouseCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'no active warehouse could supply it' }) outOfStock?:
    boolean | null;
  @Field(() => DispatchStateEnum, { nullable: true }) dispatchState?: DispatchState | null;
  @Field(() => Boolean, { nullable: true }) held?: boolean | null;
}

@ObjectType('WarehouseLoad', {
  description: 'sub-orders of one warehouse in one status (open statuses only)',
})
export class WarehouseLoadType {
  @Field(() => String) warehouseCode: string;
  @Field(() => FulfilmentStatusEnum) status: FulfilmentStatus;
  @Field(() => Int) count: number;
  @Field(() => Int) late: number;
}
