import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { OrderObjectType } from './order.type.js';

export const SearchMatchKindEnum = {
  ORDER_NUMBER: 'ORDER_NUMBER',
  SUB_ORDER_NUMBER: 'SUB_ORDER_NUMBER',
  TRACKING_NUMBER: 'TRACKING_NUMBER',
  PHONE: 'PHONE',
  NONE: 'NONE',
} as const;
registerEnumType(SearchMatchKindEnum, {
  name: 'SearchMatchKind',
  description: 'What the search box matched.',
});

/** What the one search box found (docs/console.md). */
@ObjectType('SearchResult')
export class SearchResultType {
  @Field(() => SearchMatchKindEnum) kind: keyof typeof SearchMatchKindEnum;
  @Field(() => [OrderObjectType]) orders: OrderObjectType[];
  @Field(() => Boolean, {
    description: 'nothing matched and the input looks like an order number with a wrong check digit',
  })
  invalidOrderNumber: boolean;
}

@InputType('RevealPersonalDataInput')
export class RevealPersonalDataInput {
  @Field(() => String) orderNumber: string;
  @Field(() => String) reason: string;
}

/** The receiver in full, for one order (audited). */
@ObjectType('RevealedPersonalData')
export class RevealedPersonalDataType {
  @Field(() => String) orderNumber: string;
  @Field(() => String) name: string;
  @Field(() => String) phone: string;
  @Field(() => String) province: string;
  @Field(() => String) city: string;
  @Field(() => String) district: string;
  @Field(() => String) address: string;
}

@ObjectType('RevealPersonalDataPayload')
export class RevealPersonalDataPayload {
  @Field(() => RevealedPersonalDataType) personalData: RevealedPersonalDataType;
}
