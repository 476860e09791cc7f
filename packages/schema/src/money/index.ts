export { AmountRuleError } from './amount-rule-error.js';
export {
  CURRENCY,
  assertFen,
  assertNonNegativeFen,
  formatYuan,
  isFen,
  sumFen,
  toMoney,
  type Fen,
  type Money,
} from './fen.js';
export { allocate } from './allocate.js';
export {
  computeOrderAmounts,
  lineAmountsOf,
  type GiftCardAmountInput,
  type OrderAmounts,
  type OrderAmountsInput,
  type OrderLineAmountInput,
} from './order-amounts.js';
export { assertLineAllocations, type LineAllocation } from './line-allocation.js';
export { allocateOrderLevelAmounts } from './order-allocation.js';
export { splitAmountsBySubOrder, sumLineAllocations } from './sub-order-amounts.js';
export {
  amountPaidByCustomer,
  paidByInstrument,
  pointsForValue,
  refundForCancelledLines,
  type InstrumentAmounts,
} from './refund.js';
export {
  collectedCashPayments,
  overpaidBy,
  planInstrumentRefund,
  spreadCashRefund,
  type CardToRefund,
  type PointsToRefund,
  type RefundablePayment,
  type RefundPlan,
} from './refund-plan.js';
export {
  reallocateOnReturn,
  type KeptLineAllocation,
  type ReturnReallocation,
  type ReturnReallocationInput,
  type ThresholdPromotion,
} from './return-reallocation.js';
