import type { InterceptionRule, InterceptionStatus } from '@oms/schema';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { OrderEntity } from '../../entities/index.js';
import { SafeInt } from '../common/scalars.js';
import { InterceptionRuleEnum, InterceptionStatusEnum } from '../enums.js';
import { PageInfo } from '../orders/order-connection.type.js';
import { InterceptionType } from '../orders/interception.type.js';
import { OrderObjectType } from '../orders/order.type.js';

@InputType('InterceptOrderInput')
export class InterceptOrderInput {
  @Field(() => String) number: string;
  @Field(() => String) reason: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
}

export const InterceptOutcomeEnum = {
  HELD: 'HELD',
  HELD_AND_WAREHOUSE_ASKED: 'HELD_AND_WAREHOUSE_ASKED',
  LOGISTICS_INTERCEPT_REQUESTED: 'LOGISTICS_INTERCEPT_REQUESTED',
  ALREADY_HELD: 'ALREADY_HELD',
  NOT_INTERCEPTABLE: 'NOT_INTERCEPTABLE',
} as const;
registerEnumType(InterceptOutcomeEnum, {
  name: 'InterceptOutcome',
  description: 'What an intercept did to one sub-order.',
});

@ObjectType('InterceptResult')
export class InterceptResultType {
  @Field(() => String, { nullable: true }) subOrderNumber: string | null;
  @Field(() => InterceptOutcomeEnum) outcome: keyof typeof InterceptOutcomeEnum;
  @Field(() => String, { nullable: true }) reason: string | null;
}

@ObjectType('InterceptOrderPayload')
export class InterceptOrderPayload {
  @Field(() => OrderObjectType) order: OrderEntity;
  @Field(() => [InterceptResultType]) results: InterceptResultType[];
}

@InputType('ReleaseInterceptionInput')
export class ReleaseInterceptionInput {
  @Field(() => String) interceptionId: string;
  @Field(() => String) reason: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@ObjectType('ReleaseInterceptionPayload')
export class ReleaseInterceptionPayload {
  @Field(() => OrderObjectType) order: OrderEntity;
  @Field(() => InterceptionType) interception: InterceptionType;
}

export const InterceptionDecisionEnum = { RELEASE: 'RELEASE', CANCEL_ORDER: 'CANCEL_ORDER' } as const;
registerEnumType(InterceptionDecisionEnum, { name: 'InterceptionDecision' });

@InputType('BulkDecideInterceptionsInput')
export class BulkDecideInterceptionsInput {
  @Field(() => [String]) interceptionIds: string[];
  @Field(() => InterceptionDecisionEnum) decision: keyof typeof InterceptionDecisionEnum;
  @Field(() => String) reason: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@ObjectType('BulkItemError')
export class BulkItemError {
  @Field(() => String) code: string;
  @Field(() => String) message: string;
}

/** One item of a bulk payload (docs/api.md "Bulk payloads"), in input order. */
@ObjectType('BulkItemResult')
export class BulkItemResult {
  @Field(() => String, { description: 'the item as given' }) id: string;
  @Field(() => Boolean) ok: boolean;
  @Field(() => BulkItemError, { nullable: true }) error: BulkItemError | null;
}

@ObjectType('BulkPayload')
export class BulkPayload {
  @Field(() => [BulkItemResult]) results: BulkItemResult[];
}

@InputType('InterceptionFilter')
export class InterceptionFilterInput {
  @Field(() => InterceptionStatusEnum, { nullable: true, description: 'default ACTIVE' })
  status?: InterceptionStatus | null;
  @Field(() => InterceptionRuleEnum, { nullable: true }) rule?: InterceptionRule | null;
  @Field(() => String, { nullable: true, description: 'a sub-order of the held order is at this warehouse' })
  warehouseCode?: string | null;
  @Field(() => SafeInt, { nullable: true }) minAmountFen?: number | null;
}

@ObjectType('InterceptionEdge')
export class InterceptionEdge {
  @Field(() => String) cursor: string;
  @Field(() => InterceptionType) node: InterceptionType;
}

@ObjectType('InterceptionConnection')
export class InterceptionConnection {
  @Field(() => [InterceptionEdge]) edges: InterceptionEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType('AddOrderNoteInput')
export class AddOrderNoteInput {
  @Field(() => String) orderNumber: string;
  @Field(() => String) text: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) customerVisible?: boolean | null;
}

@ObjectType('AddOrderNotePayload')
export class AddOrderNotePayload {
  @Field(() => OrderObjectType) order: OrderEntity;
}
