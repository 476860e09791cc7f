import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import type { BlacklistEntity, RiskRuleEntity } from '../../entities/index.js';
import { DateTime, JSON } from '../common/scalars.js';
import { staffOf, type RequestContext } from '../context.js';
import { HoldDefaultActionEnum, InterceptionRuleEnum } from '../enums.js';

export const BlacklistKindEnum = { PHONE: 'PHONE', ADDRESS: 'ADDRESS', ACCOUNT: 'ACCOUNT' } as const;
registerEnumType(BlacklistKindEnum, { name: 'BlacklistKind' });

@ObjectType('RiskRule', { description: 'a screening rule, switched on or off, with its thresholds' })
export class RiskRuleType {
  @Field(() => InterceptionRuleEnum) code: RiskRuleEntity['code'];
  @Field(() => Boolean) enabled: boolean;
  @Field(() => JSON) params: Record<string, number>;
  @Field(() => HoldDefaultActionEnum, {
    description: 'what a hold of this rule nobody decided within the rollback period becomes',
  })
  defaultAction: RiskRuleEntity['defaultAction'];
  @Field(() => DateTime) updatedAt: Date;
  @Field(() => String, { nullable: true }) updatedBy: string | null;
}

@InputType('UpdateRiskRuleInput')
export class UpdateRiskRuleInput {
  @Field(() => InterceptionRuleEnum) code: string;
  @Field(() => Boolean) enabled: boolean;
  @Field(() => JSON, {
    nullable: true,
    description: 'thresholds to change, e.g. { "maxQuantityPerSku": 30 }',
  })
  params?: Record<string, unknown> | null;
  @Field(() => HoldDefaultActionEnum, { nullable: true, description: 'unchanged when absent' })
  defaultAction?: RiskRuleEntity['defaultAction'] | null;
}

@ObjectType('BlacklistEntry')
export class BlacklistEntryType {
  @Field(() => ID) id: string;
  @Field(() => BlacklistKindEnum) kind: BlacklistEntity['kind'];
  @Field(() => String, {
    name: 'value',
    description:
      'the account id, or the phone or address masked (only its keyed hash is stored; screening compares that)',
  })
  display: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => String, { nullable: true }) createdBy: string | null;
}

@InputType('AddBlacklistEntryInput')
export class AddBlacklistEntryInput {
  @Field(() => BlacklistKindEnum) kind: BlacklistEntity['kind'];
  @Field(() => String) value: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

/** Managers' screening settings and the blacklist (docs/roles.md). */
@Resolver()
export class RiskResolver {
  @Authorized('INTERCEPTION_QUEUE_READ')
  @Query(() => [RiskRuleType])
  riskRules(@Ctx() { services }: RequestContext): Promise<RiskRuleEntity[]> {
    return services.riskRules.rules();
  }

  @Authorized('RISK_RULES_EDIT')
  @Mutation(() => RiskRuleType)
  updateRiskRule(
    @Arg('input', () => UpdateRiskRuleInput) input: UpdateRiskRuleInput,
    @Ctx() context: RequestContext,
  ): Promise<RiskRuleEntity> {
    return context.services.riskRules.updateRule(
      staffOf(context),
      input.code,
      input.enabled,
      input.params ?? {},
      context.address,
      input.defaultAction ?? null,
    );
  }

  @Authorized('RISK_RULES_EDIT')
  @Query(() => [BlacklistEntryType], { description: 'newest first, at most 500' })
  blacklist(@Ctx() { services }: RequestContext): Promise<BlacklistEntity[]> {
    return services.riskRules.blacklist();
  }

  @Authorized('RISK_RULES_EDIT')
  @Mutation(() => BlacklistEntryType)
  addBlacklistEntry(
    @Arg('input', () => AddBlacklistEntryInput) input: AddBlacklistEntryInput,
    @Ctx() context: RequestContext,
  ): Promise<BlacklistEntity> {
    return context.services.riskRules.addEntry(
      staffOf(context),
      input.kind,
      input.value,
      input.note ?? null,
      context.address,
    );
  }

  @Authorized('RISK_RULES_EDIT')
  @Mutation(() => Boolean)
  removeBlacklistEntry(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<boolean> {
    return context.services.riskRules.removeEntry(staffOf(context), id, context.address);
  }
}
