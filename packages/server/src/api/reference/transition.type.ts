import type { StaffRole, Strand } from '@oms/schema';
import { Field, ObjectType } from 'type-graphql';
import { StaffRoleEnum, StrandEnum } from '../enums.js';

/** One row of the transition table (packages/schema), as data for clients. */
@ObjectType('Transition')
export class TransitionType {
  @Field(() => StrandEnum) strand: Strand;
  @Field(() => String) from: string;
  @Field(() => String) event: string;
  @Field(() => String) to: string;
  @Field(() => [String]) guards: string[];
  @Field(() => [StaffRoleEnum], { description: 'staff roles that may trigger it' }) roles: StaffRole[];
  @Field(() => [String], { description: 'machines and jobs that may trigger it' }) actors: string[];
  @Field(() => [String]) effects: string[];
}
