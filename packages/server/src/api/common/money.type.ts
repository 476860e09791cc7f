import { toMoney } from '@oms/schema';
import { Field, ObjectType } from 'type-graphql';
import { SafeInt } from './scalars.js';

/** An amount of money (docs/api.md `Money`): integer fen, its yuan string, the currency. */
@ObjectType('Money', {
  description: 'An amount: integer fen, the same as a yuan string ("1234.50"), the currency.',
})
export class MoneyType {
  @Field(() => SafeInt) fen: number;
  @Field(() => String) yuan: string;
  @Field(() => String) currency: string;
}

/** The Money object for an amount in fen. */
export function money(fen: number): MoneyType {
  return toMoney(fen);
}

/** An order's or sub-order's amounts (docs/api.md "Contract details"). */
@ObjectType('Amounts')
export class AmountsType {
  @Field(() => MoneyType) goods: MoneyType;
  @Field(() => MoneyType) freight: MoneyType;
  @Field(() => MoneyType, { description: 'goods + freight' }) orderTotal: MoneyType;
  @Field(() => MoneyType) couponDiscount: MoneyType;
  @Field(() => MoneyType) promotionDiscount: MoneyType;
  @Field(() => MoneyType) giftCard: MoneyType;
  @Field(() => MoneyType) points: MoneyType;
  @Field(() => MoneyType, { description: 'the cash part' }) payable: MoneyType;
}

/** The fen columns shared by orders and sub-orders. */
export interface AmountColumns {
  goodsFen: number;
  freightFen: number;
  couponDiscountFen: number;
  promotionDiscountFen: number;
  giftCardFen: number;
  pointsFen: number;
  payableFen: number;
}

/** The Amounts object of an order or sub-order row. */
export function amountsOf(row: AmountColumns): AmountsType {
  return {
    goods: money(row.goodsFen),
    freight: money(row.freightFen),
    orderTotal: money(row.goodsFen + row.freightFen),
    couponDiscount: money(row.couponDiscountFen),
    promotionDiscount: money(row.promotionDiscountFen),
    giftCard: money(row.giftCardFen),
    points: money(row.pointsFen),
    payable: money(row.payableFen),
  };
}
