import type { StaffRole } from '@oms/schema';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type {
  CreateStaffRequest,
  ResetStaffPasswordRequest,
  SetStaffRoleRequest,
  StaffStatusRequest,
} from '../../services/accounts/staff-accounts.service.js';
import { DateTime } from '../common/scalars.js';
import { StaffRoleEnum } from '../enums.js';

/** A staff account as ADMIN sees it (docs/api.md `staff`); never its password or hash. */
@ObjectType('StaffAccount')
export class StaffAccountType {
  @Field(() => ID) id: string;
  @Field(() => String) username: string;
  @Field(() => String) displayName: string;
  @Field(() => StaffRoleEnum) role: StaffRole;
  @Field(() => Boolean, { description: 'false once disabled: no sign-in, no session' }) active: boolean;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => DateTime, { nullable: true }) disabledAt: Date | null;
  @Field(() => String, { nullable: true, description: 'why it was disabled' }) disabledReason: string | null;
  @Field(() => DateTime, { nullable: true }) lastLoginAt: Date | null;
}

@ObjectType('StaffAccountPayload')
export class StaffAccountPayload {
  @Field(() => StaffAccountType) staff: StaffAccountType;
}

@InputType('CreateStaffInput')
export class CreateStaffInput implements CreateStaffRequest {
  @Field(() => String, { description: "2–32 of a–z, 0–9, '.', '_', '-'; unique" }) username: string;
  @Field(() => String, { description: '1–64 characters, shown in timelines' }) displayName: string;
  @Field(() => String, { description: '12–128 characters' }) password: string;
  @Field(() => StaffRoleEnum) role: StaffRole;
  @Field(() => String, { nullable: true, description: 'for the audit row' }) reason?: string | null;
}

@InputType('SetStaffRoleInput')
export class SetStaffRoleInput implements SetStaffRoleRequest {
  @Field(() => ID) staffId: string;
  @Field(() => StaffRoleEnum) role: StaffRole;
  @Field(() => String, { nullable: true, description: 'for the audit row' }) reason?: string | null;
}

@InputType('DisableStaffInput')
export class DisableStaffInput implements StaffStatusRequest {
  @Field(() => ID) staffId: string;
  @Field(() => String) reason: string;
}

@InputType('EnableStaffInput')
export class EnableStaffInput implements StaffStatusRequest {
  @Field(() => ID) staffId: string;
  @Field(() => String) reason: string;
}

@InputType('ResetStaffPasswordInput')
export class ResetStaffPasswordInput implements ResetStaffPasswordRequest {
  @Field(() => ID) staffId: string;
  @Field(() => String, { description: '12–128 characters' }) password: string;
  @Field(() => String, { nullable: true, description: 'for the audit row' }) reason?: string | null;
}
