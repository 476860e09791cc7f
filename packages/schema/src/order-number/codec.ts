// The 16-digit order number: first digit (kind and type) + shard (2) + permuted sequence (12) + Damm check digit.
// With a first digit of at most 8 the whole number is below 2^53, so it is built as one exact double and printed
// once, with no padding or concatenation in the hot path.
import { dammState, dammStep3, dammStep6 } from './damm.js';
import { permuteUnchecked, tweakMix, unpermuteUnchecked, type PermutationKey } from './feistel.js';
import {
  classOfFirstDigit,
  firstDigitOf,
  ORDER_NUMBER_KINDS,
  ORDER_NUMBER_LENGTH,
  ORDER_TYPES,
  RESERVED_FIRST_DIGIT,
  SEQUENCE_SPACE,
  SHARD_COUNT,
  type OrderNumberKind,
  type OrderType,
} from './layout.js';

const HALF = 1_000_000;
const PREFIX_SCALE = 10_000_000_000_000;

/** Everything an order number encodes. */
export interface OrderNumberParts {
  readonly kind: OrderNumberKind;
  readonly type: OrderType;
  /** 0–99, from shardForCustomer for parent orders; a sub-order carries its parent's. */
  readonly shard: number;
  /** A globally unique value in [0, 10^12), e.g. from a leased block. */
  readonly sequence: number;
}

/** What decodeOrderNumber reads back; `sequence` is present only when the key was given. */
export interface DecodedOrderNumber {
  readonly kind: OrderNumberKind;
  readonly type: OrderType;
  readonly shard: number;
  readonly sequence?: number;
}

/** Why a string is not an order number: bad shape, a typo caught by the check digit, or the reserved first digit 9. */
export type OrderNumberRejection = 'FORMAT' | 'CHECK_DIGIT' | 'RESERVED';

/** The result of parsing user input: the trimmed number with its kind, type and shard, or the rejection reason. */
export type ParsedOrderNumber =
  | {
      readonly ok: true;
      readonly number: string;
      readonly kind: OrderNumberKind;
      readonly type: OrderType;
      readonly shard: number;
    }
  | { readonly ok: false; readonly reason: OrderNumberRejection };

const REJECTION_MESSAGES: Readonly<Record<OrderNumberRejection, string>> = {
  FORMAT: `an order number is ${ORDER_NUMBER_LENGTH} digits and does not start with 0`,
  CHECK_DIGIT: 'the check digit does not match: a digit is mistyped or two digits are swapped',
  RESERVED: `order numbers starting with ${RESERVED_FIRST_DIGIT} are reserved and never issued`,
};

/** Why `reason` rejects a number, in words for whoever typed it. */
export function orderNumberRejectionMessage(reason: OrderNumberRejection): string {
  return REJECTION_MESSAGES[reason];
}

/** Thrown when a string is not a valid order number; `reason` says why. */
export class InvalidOrderNumberError extends Error {
  /** Why the input was rejected. */
  readonly reason: OrderNumberRejection;
  /** The input as given. */
  readonly input: string;

  /** An error for `input` rejected for `reason`. */
  constructor(reason: OrderNumberRejection, input: string) {
    super(`invalid order number ${JSON.stringify(input)}: ${REJECTION_MESSAGES[reason]}`);
    this.name = 'InvalidOrderNumberError';
    this.reason = reason;
    this.input = input;
  }
}

/** The 16-digit number for a prefix (first digit × 100 + shard) and sequence, with no argument checks (hot path). */
export function encodeWithPrefix(prefix: number, sequence: number, roundKeys: Int32Array): string {
  const permuted = permuteUnchecked(sequence, roundKeys, tweakMix(prefix));
  const high = Math.floor(permuted / HALF);
  const check = dammStep6(dammStep6(dammStep3(0, prefix), high), permuted - high * HALF);
  return String(prefix * PREFIX_SCALE + permuted * 10 + check);
}

function checkShard(shard: number, name = 'shard'): void {
  if (!Number.isInteger(shard) || shard < 0 || shard >= SHARD_COUNT) {
    throw new RangeError(`${name} must be an integer in [0, ${SHARD_COUNT - 1}], got ${shard}`);
  }
}

function checkSequence(sequence: number): void {
  if (!Number.isInteger(sequence) || sequence < 0 || sequence >= SEQUENCE_SPACE) {
    throw new RangeError(`sequence must be an integer in [0, ${SEQUENCE_SPACE}), got ${sequence}`);
  }
}

/** The prefix (first digit × 100 + shard) for valid arguments; throws RangeError naming the first bad argument. */
export function prefixFor(kind: OrderNumberKind, type: OrderType, shard: number): number {
  const firstDigit = firstDigitOf(kind, type);
  if (firstDigit < 0) {
    if (!(ORDER_NUMBER_KINDS as readonly string[]).includes(kind)) {
      throw new RangeError(
        `kind must be one of ${ORDER_NUMBER_KINDS.join(', ')}, got ${JSON.stringify(kind)}`,
      );
    }
    throw new RangeError(`type must be one of ${ORDER_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
  }
  checkShard(shard);
  return firstDigit * 100 + shard;
}

/** The order number for `parts` under `key`; throws RangeError naming the argument that is out of range. */
export function encodeOrderNumber(parts: OrderNumberParts, key: PermutationKey): string {
  const prefix = prefixFor(parts.kind, parts.type, parts.shard);
  checkSequence(parts.sequence);
  return encodeWithPrefix(prefix, parts.sequence, key.roundKeys);
}

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i += 1) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

function rejectionOf(number: string): OrderNumberRejection | null {
  if (typeof number !== 'string' || number.length !== ORDER_NUMBER_LENGTH) return 'FORMAT';
  const first = number.charCodeAt(0) - 48;
  if (first < 1 || first > 9) return 'FORMAT';
  const state = dammState(number);
  if (state < 0) return 'FORMAT';
  if (state !== 0) return 'CHECK_DIGIT';
  if (first === RESERVED_FIRST_DIGIT) return 'RESERVED';
  return null;
}

/**
 * Checks user input (surrounding whitespace trimmed): 'FORMAT' for a wrong length, a non-digit or a leading 0,
 * then 'CHECK_DIGIT' for a typo, then 'RESERVED' for a well-formed number starting with 9. Never throws.
 */
export function parseOrderNumber(input: string): ParsedOrderNumber {
  const number = typeof input === 'string' ? input.trim() : '';
  const reason = rejectionOf(number);
  if (reason !== null) return { ok: false, reason };
  const { kind, type } = classOfFirstDigit(number.charCodeAt(0) - 48)!;
  return { ok: true, number, kind, type, shard: digitsAt(number, 1, 2) };
}

/** True when parseOrderNumber(input) accepts it: the number could have been issued (it may still not exist). */
export function isPlausibleOrderNumber(input: string): boolean {
  return parseOrderNumber(input).ok;
}

/** The parsed number like parseOrderNumber, or throws InvalidOrderNumberError carrying the reason. */
export function assertOrderNumber(input: string): Extract<ParsedOrderNumber, { ok: true }> {
  const parsed = parseOrderNumber(input);
  if (!parsed.ok) throw new InvalidOrderNumberError(parsed.reason, input);
  return parsed;
}

/**
 * Reads an issued number exactly as stored (no trimming): kind, type, shard, and with the key the sequence it was
 * made from. Throws InvalidOrderNumberError when it is not a valid number.
 */
export function decodeOrderNumber(number: string, key?: PermutationKey): DecodedOrderNumber {
  const reason = rejectionOf(number);
  if (reason !== null) throw new InvalidOrderNumberError(reason, number);
  const firstDigit = number.charCodeAt(0) - 48;
  const { kind, type } = classOfFirstDigit(firstDigit)!;
  const shard = digitsAt(number, 1, 2);
  if (key === undefined) return { kind, type, shard };
  const prefix = firstDigit * 100 + shard;
  const permuted = digitsAt(number, 3, 12);
  const sequence = unpermuteUnchecked(permuted, key.roundKeys, tweakMix(prefix));
  return { kind, type, shard, sequence };
}

/** The prefix a sub-order of `parentNumber` gets (its type as a sub-order, its shard); throws like encodeSubOrderNumber. */
export function subOrderPrefixOf(parentNumber: string): number {
  const parent = decodeOrderNumber(parentNumber);
  if (parent.kind !== 'ORDER') {
    throw new RangeError(
      `parentNumber must be a parent order's number (first digit 1-4), got ${parentNumber}`,
    );
  }
  return firstDigitOf('SUB_ORDER', parent.type) * 100 + parent.shard;
}

/**
 * The number of a sub-order of `parentNumber` with its own `sequence`: kind SUB_ORDER, the parent's type and shard.
 * Throws InvalidOrderNumberError for an invalid parent, RangeError for a sub-order parent or a bad sequence.
 */
export function encodeSubOrderNumber(parentNumber: string, sequence: number, key: PermutationKey): string {
  const prefix = subOrderPrefixOf(parentNumber);
  checkSequence(sequence);
  return encodeWithPrefix(prefix, sequence, key.roundKeys);
}
