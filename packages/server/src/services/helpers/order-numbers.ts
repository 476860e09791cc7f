import {
  orderNumberRejectionMessage,
  parseOrderNumber,
  type OrderNumberKind,
  type OrderType,
} from '@oms/schema';
import { domainError } from '../../errors/domain-error.js';

/** A number a caller gave, checked: what it names and the shard its rows live on. */
export interface CheckedOrderNumber {
  readonly number: string;
  readonly kind: OrderNumberKind;
  readonly type: OrderType;
  readonly shard: number;
}

const KIND_NAMES: Readonly<Record<OrderNumberKind, string>> = {
  ORDER: 'an order number',
  SUB_ORDER: 'a sub-order number',
};

/**
 * The order or sub-order `input` names, or INVALID_ORDER_NUMBER saying what is wrong (its `reason`: FORMAT,
 * CHECK_DIGIT, RESERVED, or NOT_AN_ORDER / NOT_A_SUB_ORDER when `expected` asks for one kind): the one place a number
 * from outside becomes a number the use cases trust.
 */
export function checkOrderNumber(input: string, expected?: OrderNumberKind): CheckedOrderNumber {
  const parsed = parseOrderNumber(input);
  if (!parsed.ok) {
    throw domainError(
      'INVALID_ORDER_NUMBER',
      `Not a valid order number: ${orderNumberRejectionMessage(parsed.reason)}.`,
      { reason: parsed.reason },
    );
  }
  if (expected && parsed.kind !== expected) {
    throw domainError(
      'INVALID_ORDER_NUMBER',
      `${parsed.number} is ${KIND_NAMES[parsed.kind]}, not ${KIND_NAMES[expected]}.`,
      { reason: expected === 'ORDER' ? 'NOT_AN_ORDER' : 'NOT_A_SUB_ORDER' },
    );
  }
  return { number: parsed.number, kind: parsed.kind, type: parsed.type, shard: parsed.shard };
}
