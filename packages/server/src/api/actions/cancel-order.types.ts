import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { OrderEntity } from '../../entities/index.js';
import { OrderObjectType } from '../orders/order.type.js';
import { RefundType } from '../orders/payment.type.js';

@InputType('CancelOrderInput')
export class CancelOrderInput {
  @Field(() => String, {
    description: 'an order number cancels every sub-order that still can be; a sub-order number that one',
  })
  number: string;
  @Field(() => String) reason: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'of the object the number names; stale → VERSION_CONFLICT',
  })
  expectedVersion?: number | null;
}

export const CancelOutcomeEnum = {
  CANCELLED: 'CANCELLED',
  CANCEL_REQUESTED: 'CANCEL_REQUESTED',
  ALREADY_CANCELLED: 'ALREADY_CANCELLED',
  ALREADY_REQUESTED: 'ALREADY_REQUESTED',
  NOT_CANCELLABLE: 'NOT_CANCELLABLE',
} as const;
registerEnumType(CancelOutcomeEnum, {
  name: 'CancelOutcome',
  description: 'What a cancel did to one sub-order.',
});

@ObjectType('CancelResult')
export class CancelResultType {
  @Field(() => String, { nullable: true, description: 'null for an order cancelled before its split' })
  subOrderNumber: string | null;
  @Field(() => CancelOutcomeEnum) outcome: keyof typeof CancelOutcomeEnum;
  @Field(() => String, { nullable: true }) reason: string | null;
}

@ObjectType('CancelOrderPayload')
export class CancelOrderPayload {
  @Field(() => OrderObjectType) order: OrderEntity;
  @Field(() => [CancelResultType]) results: CancelResultType[];
  @Field(() => [RefundType], { description: 'the refunds this cancel made' }) refunds: RefundType[];
}
