import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { SubOrderEntity } from '../../entities/index.js';
import { SubOrderObjectType } from '../orders/sub-order.type.js';

@InputType('ReassignWarehouseInput')
export class ReassignWarehouseInput {
  @Field(() => String) subOrderNumber: string;
  @Field(() => String) warehouseCode: string;
  @Field(() => String) reason: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
}

@ObjectType('ReassignWarehousePayload')
export class ReassignWarehousePayload {
  @Field(() => SubOrderObjectType) subOrder: SubOrderEntity;
}

@InputType('BulkReassignWarehouseInput')
export class BulkReassignWarehouseInput {
  @Field(() => [String], { description: 'up to 10,000; send them as a variable' }) subOrderNumbers: string[];
  @Field(() => String) warehouseCode: string;
  @Field(() => String) reason: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}
