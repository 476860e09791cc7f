export {
  ORDER_TYPES,
  ORDER_NUMBER_KINDS,
  SHARD_COUNT,
  ORDER_NUMBER_LENGTH,
  SEQUENCE_SPACE,
  RESERVED_FIRST_DIGIT,
  ORDER_NUMBER_FIRST_DIGITS,
  classOfFirstDigit,
  firstDigitOf,
  type OrderType,
  type OrderNumberKind,
  type OrderNumberFirstDigit,
  type OrderNumberClass,
} from './layout.js';
export { DAMM_TABLE, dammCheckDigit, isDammValid } from './damm.js';
export {
  FEISTEL_ROUNDS,
  permutationKeyFromSecret,
  permuteSequence,
  unpermuteSequence,
  type PermutationKey,
} from './feistel.js';
export {
  encodeOrderNumber,
  encodeSubOrderNumber,
  decodeOrderNumber,
  parseOrderNumber,
  orderNumberRejectionMessage,
  isPlausibleOrderNumber,
  assertOrderNumber,
  InvalidOrderNumberError,
  type OrderNumberParts,
  type DecodedOrderNumber,
  type OrderNumberRejection,
  type ParsedOrderNumber,
} from './codec.js';
export { shardForCustomer } from './shard.js';
export { fnv1a32 } from './hash.js';
export {
  OrderNumberGenerator,
  InMemorySequenceBlockSource,
  type SequenceBlock,
  type SequenceBlockSource,
  type OrderNumberGeneratorOptions,
} from './generator.js';
