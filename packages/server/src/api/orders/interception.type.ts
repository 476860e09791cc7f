import type { InterceptionRule, InterceptionStatus } from '@oms/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { MoneyType } from '../common/money.type.js';
import { DateTime, JSON } from '../common/scalars.js';
import { InterceptionRuleEnum, InterceptionStatusEnum } from '../enums.js';

/** A hold on an order or one sub-order. */
@ObjectType('Interception')
export class InterceptionType {
  @Field(() => ID) id: string;
  @Field(() => InterceptionRuleEnum) rule: InterceptionRule;
  @Field(() => String) reason: string;
  @Field(() => JSON) evidence: Record<string, unknown>;
  @Field(() => InterceptionStatusEnum) status: InterceptionStatus;
  @Field(() => String) raisedBy: string;
  @Field(() => DateTime) raisedAt: Date;
  @Field(() => DateTime, { description: 'end of the rollback period' }) expiresAt: Date;
  @Field(() => String, { nullable: true }) decidedBy: string | null;
  @Field(() => DateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String) orderNumber: string;
  @Field(() => String, { nullable: true, description: 'null when it holds the whole order' })
  subOrderNumber: string | null;
  @Field(() => MoneyType) amount: MoneyType;
}
