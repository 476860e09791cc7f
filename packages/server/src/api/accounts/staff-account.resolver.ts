import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { StaffEntity } from '../../entities/index.js';
import { staffOf, type RequestContext } from '../context.js';
import {
  CreateStaffInput,
  DisableStaffInput,
  EnableStaffInput,
  ResetStaffPasswordInput,
  SetStaffRoleInput,
  StaffAccountPayload,
  StaffAccountType,
} from './staff-account.types.js';

function shown(staff: StaffEntity): StaffAccountType {
  return {
    id: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    role: staff.role,
    active: !staff.disabledAt,
    createdAt: staff.createdAt,
    disabledAt: staff.disabledAt,
    disabledReason: staff.disabledReason ?? null,
    lastLoginAt: staff.lastLoginAt ?? null,
  };
}

/** Staff accounts, kept by ADMIN (docs/api.md "Administration", docs/administration.md). */
@Resolver()
export class StaffAccountResolver {
  @Authorized('ADMINISTER')
  @Query(() => [StaffAccountType], { description: 'every staff account, active ones first' })
  async staff(@Ctx() { services }: RequestContext): Promise<StaffAccountType[]> {
    return (await services.staffAccounts.list()).map(shown);
  }

  @Authorized('ADMINISTER')
  @Mutation(() => StaffAccountPayload, { description: 'a new staff account; audited' })
  async createStaff(
    @Arg('input', () => CreateStaffInput) input: CreateStaffInput,
    @Ctx() context: RequestContext,
  ): Promise<StaffAccountPayload> {
    return {
      staff: shown(await context.services.staffAccounts.create(staffOf(context), input, context.address)),
    };
  }

  @Authorized('ADMINISTER')
  @Mutation(() => StaffAccountPayload, {
    description:
      'changes a role, effective from the next request; never demotes the last active admin; audited',
  })
  async setStaffRole(
    @Arg('input', () => SetStaffRoleInput) input: SetStaffRoleInput,
    @Ctx() context: RequestContext,
  ): Promise<StaffAccountPayload> {
    return {
      staff: shown(await context.services.staffAccounts.setRole(staffOf(context), input, context.address)),
    };
  }

  @Authorized('ADMINISTER')
  @Mutation(() => StaffAccountPayload, {
    description:
      "disables an account and ends all of its sessions at once; not one's own, not the last admin; audited",
  })
  async disableStaff(
    @Arg('input', () => DisableStaffInput) input: DisableStaffInput,
    @Ctx() context: RequestContext,
  ): Promise<StaffAccountPayload> {
    return {
      staff: shown(await context.services.staffAccounts.disable(staffOf(context), input, context.address)),
    };
  }

  @Authorized('ADMINISTER')
  @Mutation(() => StaffAccountPayload, {
    description: 'lets a disabled account sign in again (its old sessions stay ended); audited',
  })
  async enableStaff(
    @Arg('input', () => EnableStaffInput) input: EnableStaffInput,
    @Ctx() context: RequestContext,
  ): Promise<StaffAccountPayload> {
    return {
      staff: shown(await context.services.staffAccounts.enable(staffOf(context), input, context.address)),
    };
  }

  @Authorized('ADMINISTER')
  @Mutation(() => StaffAccountPayload, {
    description: "sets a new password and ends the account's sessions (but the caller's own); audited",
  })
  async resetStaffPassword(
    @Arg('input', () => ResetStaffPasswordInput) input: ResetStaffPasswordInput,
    @Ctx() context: RequestContext,
  ): Promise<StaffAccountPayload> {
    return {
      staff: shown(
        await context.services.staffAccounts.resetPassword(staffOf(context), input, context.address),
      ),
    };
  }
}
