import type { StaffRole } from '@oms/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { StaffRoleEnum } from '../enums.js';

/** A staff member as the API shows them. */
@ObjectType('Staff')
export class StaffType {
  @Field(() => ID) id: string;
  @Field(() => String) username: string;
  @Field(() => String) displayName: string;
  @Field(() => StaffRoleEnum) role: StaffRole;
}

/** The answer to a successful login (docs/api.md). */
@ObjectType('LoginPayload')
export class LoginPayload {
  @Field(() => String, {
    description: 'opaque session token, for `Authorization: Bearer`; the console uses the cookie',
  })
  token: string;
  @Field(() => StaffType) staff: StaffType;
}
