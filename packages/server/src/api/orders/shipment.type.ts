import type { LogisticsNode } from '@oms/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../common/scalars.js';
import { LogisticsNodeEnum } from '../enums.js';
import { CarrierType } from '../reference/carrier.type.js';

/** One carrier tracking entry (docs/api.md: a leaf list under a shipment). */
@ObjectType('LogisticsEvent')
export class LogisticsEventType {
  @Field(() => ID) id: string;
  @Field(() => LogisticsNodeEnum, { nullable: true }) node: LogisticsNode | null;
  @Field(() => String, { nullable: true, description: "the carrier's raw state code" }) rawState:
    string | null;
  @Field(() => String) context: string;
  @Field(() => String, { nullable: true }) location: string | null;
  @Field(() => DateTime) at: Date;
  @Field(() => Boolean) customerVisible: boolean;
}

/** One parcel. */
@ObjectType('Shipment')
export class ShipmentType {
  @Field(() => ID) id: string;
  @Field(() => CarrierType) carrier: CarrierType;
  @Field(() => String) trackingNumber: string;
  @Field(() => LogisticsNodeEnum, { nullable: true }) node: LogisticsNode | null;
  @Field(() => DateTime) shippedAt: Date;
  @Field(() => [LogisticsEventType], { description: 'newest last' }) events: LogisticsEventType[];
}
