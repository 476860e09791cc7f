import type { CarrierCode } from '@oms/schema';
import { Field, ObjectType } from 'type-graphql';
import { CarrierCodeEnum } from '../enums.js';

/** A carrier (docs/api.md `Carrier`). */
@ObjectType('Carrier')
export class CarrierType {
  @Field(() => CarrierCodeEnum) code: CarrierCode;
  @Field(() => String) name: string;
  @Field(() => String, { description: 'the company code Kuaidi100 pushes use' }) kuaidi100Code: string;
}
