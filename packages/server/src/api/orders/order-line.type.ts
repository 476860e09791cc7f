import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LineAttributeEnum } from '../enums.js';
import { MoneyType } from '../common/money.type.js';
import type { LineAttribute } from '@oms/schema';

/** A line's frozen share of every order-level amount (docs/domain.md §4). */
@ObjectType('LineAllocations')
export class LineAllocationsType {
  @Field(() => MoneyType) couponDiscount: MoneyType;
  @Field(() => MoneyType) promotionDiscount: MoneyType;
  @Field(() => MoneyType) giftCard: MoneyType;
  @Field(() => MoneyType) points: MoneyType;
  @Field(() => MoneyType) freight: MoneyType;
  @Field(() => MoneyType, { description: 'what the line costs in cash after every share' }) cash: MoneyType;
}

/** One line of an order. */
@ObjectType('OrderLine')
export class OrderLineType {
  @Field(() => ID) id: string;
  @Field(() => String) lineRef: string;
  @Field(() => String) sku: string;
  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) imageUrl: string | null;
  @Field(() => Int) quantity: number;
  @Field(() => MoneyType) listPrice: MoneyType;
  @Field(() => MoneyType) salePrice: MoneyType;
  @Field(() => MoneyType, { description: 'sale price × quantity' }) lineAmount: MoneyType;
  @Field(() => [LineAttributeEnum]) attributes: LineAttribute[];
  @Field(() => String, { nullable: true }) merchantId: string | null;
  @Field(() => [String]) promotionIds: string[];
  @Field(() => String, { nullable: true, description: 'lineRef of the main line this gift belongs to' })
  giftFor: string | null;
  @Field(() => String, { nullable: true }) splitGroup: string | null;
  @Field(() => String, { nullable: true }) subOrderNumber: string | null;
  @Field(() => LineAllocationsType) allocations: LineAllocationsType;
}
