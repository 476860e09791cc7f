import type { ActorType } from '@oms/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime, JSON } from '../common/scalars.js';
import { ActorTypeEnum } from '../enums.js';

/** One entry of an order's timeline (docs/api.md: every field a leaf, so the detail query stays shallow). */
@ObjectType('OrderEvent')
export class OrderEventType {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'what happened, e.g. STATUS_CHANGED, WMS_PICKING_IGNORED, NOTE_ADDED' })
  type: string;
  @Field(() => DateTime) at: Date;
  @Field(() => String, {
    description: 'who: a staff username, an integration client, a warehouse or carrier code, or a job',
  })
  actor: string;
  @Field(() => ActorTypeEnum) actorType: ActorType;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) subOrderNumber: string | null;
  @Field(() => JSON, { nullable: true }) before: unknown;
  @Field(() => JSON, { nullable: true }) after: unknown;
  @Field(() => Boolean) customerVisible: boolean;
}
