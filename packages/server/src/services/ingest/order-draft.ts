import {
  AmountRuleError,
  allocateOrderLevelAmounts,
  computeOrderAmounts,
  normalizePhone,
  regionOfProvince,
  shardForCustomer,
  type LineAllocation,
  type OrderAmounts,
  type OrderType,
} from '@oms/schema';
import { badInput } from '../../errors/domain-error.js';
import type { CreateOrderRequest, OrderLineRequest } from './order-request.js';

/** A validated order, ready to be written: normalised input, amounts and frozen per-line allocations. */
export interface OrderDraft {
  readonly input: CreateOrderRequest;
  readonly type: OrderType;
  readonly shard: number;
  readonly phone: string;
  readonly lines: readonly (OrderLineRequest & { lineRef: string })[];
  readonly promotionDiscountFen: number;
  readonly amounts: OrderAmounts;
  readonly allocations: readonly LineAllocation[];
}

const SUPPORTED_TYPES: readonly OrderType[] = ['NORMAL', 'PRESALE'];
const MAX_TEXT = 500;

function text(
  value: string | null | undefined,
  field: string,
  { required = true, max = MAX_TEXT } = {},
): void {
  const trimmed = value?.trim() ?? '';
  if (required && !trimmed) throw badInput(field, 'must not be empty');
  if (trimmed.length > max) throw badInput(field, `at most ${max} characters`);
}

function validateLines(lines: readonly OrderLineRequest[]): (OrderLineRequest & { lineRef: string })[] {
  if (lines.length === 0) throw badInput('lines', 'an order needs at least one line');
  if (lines.length > 500) throw badInput('lines', 'at most 500 lines');
  const withRefs = lines.map((line, i) => ({ ...line, lineRef: line.lineRef?.trim() || `L${i + 1}` }));
  const refs = new Set<string>();
  withRefs.forEach((line, i) => {
    text(line.sku, `lines[${i}].sku`, { max: 64 });
    text(line.title, `lines[${i}].title`);
    if (refs.has(line.lineRef)) throw badInput(`lines[${i}].lineRef`, `"${line.lineRef}" is used twice`);
    refs.add(line.lineRef);
    if (line.listPriceFen != null && line.listPriceFen < 0)
      throw badInput(`lines[${i}].listPriceFen`, 'must not be negative');
  });
  withRefs.forEach((line, i) => {
    if (line.giftFor && (!refs.has(line.giftFor) || line.giftFor === line.lineRef)) {
      throw badInput(`lines[${i}].giftFor`, `names no other line of this order ("${line.giftFor}")`);
    }
  });
  return withRefs;
}

function promotionTotal(input: CreateOrderRequest): number {
  const promotions = input.promotions ?? [];
  promotions.forEach((p, i) => {
    text(p.id, `promotions[${i}].id`, { max: 64 });
    if (p.discountFen < 0) throw badInput(`promotions[${i}].discountFen`, 'must not be negative');
    if (p.thresholdFen != null && p.thresholdFen < 0)
      throw badInput(`promotions[${i}].thresholdFen`, 'must not be negative');
  });
  const sum = promotions.reduce((total, p) => total + p.discountFen, 0);
  if (input.promotionDiscountFen == null) return sum;
  if (promotions.length > 0 && sum !== input.promotionDiscountFen) {
    throw badInput(
      'promotionDiscountFen',
      `is ${input.promotionDiscountFen} but promotions[] add up to ${sum}`,
    );
  }
  return input.promotionDiscountFen;
}

/**
 * Checks everything about a storefront's order that can be checked without the database (docs/api.md createOrder,
 * docs/domain.md §4), naming the field at fault, and computes its amounts and frozen allocations.
 */
export function draftOrder(input: CreateOrderRequest): OrderDraft {
  text(input.externalId, 'externalId', { max: 64 });
  const type = input.type ?? 'NORMAL';
  if (!SUPPORTED_TYPES.includes(type))
    throw badInput('type', `${type} orders are not accepted yet (after-sales comes later)`);
  text(input.customer.id, 'customer.id', { max: 64 });
  text(input.customer.nickname, 'customer.nickname', { required: false, max: 64 });
  const r = input.receiver;
  text(r.name, 'receiver.name', { max: 64 });
  const phone = normalizePhone(r.phone);
  if (!phone) throw badInput('receiver.phone', 'is not a mainland mobile number (11 digits starting 13–19)');
  if (!regionOfProvince(r.province))
    throw badInput('receiver.province', `"${r.province}" is not a province-level division`);
  text(r.city, 'receiver.city', { max: 64 });
  text(r.district, 'receiver.district', { max: 64 });
  text(r.address, 'receiver.address');
  text(input.remark, 'remark', { required: false });
  if (input.invoice) text(input.invoice.title, 'invoice.title', { max: 128 });
  const lines = validateLines(input.lines);
  const promotionDiscountFen = promotionTotal(input);
  const amountsInput = {
    lines: lines.map((l) => ({ salePriceFen: l.salePriceFen, quantity: l.quantity })),
    freightFen: input.freightFen,
    couponDiscountFen: input.couponDiscountFen ?? 0,
    promotionDiscountFen,
    giftCards: (input.giftCards ?? []).map((card) => ({ amountFen: card.amountFen })),
    pointsFen: input.points?.valueFen ?? 0,
    payableFen: input.payableFen ?? undefined,
  };
  (input.giftCards ?? []).forEach((card, i) => {
    text(card.cardNumber, `giftCards[${i}].cardNumber`, { max: 32 });
    if (card.balanceAfterFen < 0) throw badInput(`giftCards[${i}].balanceAfterFen`, 'must not be negative');
  });
  if (input.points && (input.points.points <= 0 || input.points.balanceAfter < 0)) {
    throw badInput('points.points', 'must be positive, with a non-negative balance after');
  }
  try {
    return {
      input,
      type,
      shard: shardForCustomer(input.customer.id.trim()),
      phone,
      lines,
      promotionDiscountFen,
      amounts: computeOrderAmounts(amountsInput),
      allocations: allocateOrderLevelAmounts(amountsInput),
    };
  } catch (error) {
    if (error instanceof AmountRuleError)
      throw badInput(error.field, error.message.replace(`${error.field}: `, ''));
    throw error;
  }
}
