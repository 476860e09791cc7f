import type { DataSource } from 'typeorm';

/**
 * The amount rules of docs/domain.md §4, checked in SQL over the given orders (all when `orderIds` is null): each query
 * returns the orders that break one rule, so an empty result everywhere means every rule holds.
 */
export const AMOUNT_RULES: Readonly<Record<string, string>> = {
  'goods = Σ sale price × quantity': `
    SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id
    GROUP BY o.id HAVING o.goods_fen <> sum(l.sale_price_fen * l.quantity) OR bool_or(l.line_amount_fen <> l.sale_price_fen * l.quantity)`,
  'payable = goods + freight − coupon − promotion − gift card − points ≥ 0': `
    SELECT id FROM orders WHERE payable_fen <> goods_fen + freight_fen - coupon_discount_fen - promotion_discount_fen - gift_card_fen - points_fen OR payable_fen < 0`,
  'each allocation column sums to the order figure': `
    SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id
    HAVING o.freight_fen <> sum(l.alloc_freight_fen) OR o.coupon_discount_fen <> sum(l.alloc_coupon_fen)
        OR o.promotion_discount_fen <> sum(l.alloc_promotion_fen) OR o.gift_card_fen <> sum(l.alloc_gift_card_fen)
        OR o.points_fen <> sum(l.alloc_points_fen) OR o.payable_fen <> sum(l.alloc_cash_fen)`,
  'no line pays a negative share': `
    SELECT DISTINCT order_id FROM order_lines WHERE alloc_cash_fen < 0 OR alloc_coupon_fen < 0 OR alloc_promotion_fen < 0
      OR alloc_gift_card_fen < 0 OR alloc_points_fen < 0 OR alloc_freight_fen < 0`,
  'sub-orders sum to the parent, column by column': `
    SELECT o.id FROM orders o JOIN sub_orders s ON s.order_id = o.id GROUP BY o.id
    HAVING o.goods_fen <> sum(s.goods_fen) OR o.freight_fen <> sum(s.freight_fen) OR o.coupon_discount_fen <> sum(s.coupon_discount_fen)
        OR o.promotion_discount_fen <> sum(s.promotion_discount_fen) OR o.gift_card_fen <> sum(s.gift_card_fen)
        OR o.points_fen <> sum(s.points_fen) OR o.payable_fen <> sum(s.payable_fen)`,
  "a sub-order's figures are its lines' allocations": `
    SELECT s.order_id FROM sub_orders s JOIN order_lines l ON l.sub_order_id = s.id GROUP BY s.id
    HAVING s.goods_fen <> sum(l.line_amount_fen) OR s.payable_fen <> sum(l.alloc_cash_fen) OR s.freight_fen <> sum(l.alloc_freight_fen)`,
  'payments of a paid order = order total − coupon − promotion': `
    SELECT o.id FROM orders o WHERE o.paid_at IS NOT NULL AND o.goods_fen + o.freight_fen - o.coupon_discount_fen - o.promotion_discount_fen <>
      (SELECT coalesce(sum(p.amount_fen), 0) FROM payments p WHERE p.order_id = o.id
        AND (p.status IN ('SUCCEEDED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'REFUNDING') OR (p.method = 'COD' AND p.status = 'PENDING')))`,
};

/** The rules broken by any of the orders, with the first few offenders each; [] when every rule holds. */
export async function brokenAmountRules(db: DataSource, orderIds: string[] | null = null): Promise<string[]> {
  const broken: string[] = [];
  for (const [rule, sql] of Object.entries(AMOUNT_RULES)) {
    const rows: { id?: string; order_id?: string }[] = await db.query(
      `SELECT * FROM (${sql}) offenders(id) ${orderIds ? 'WHERE id = ANY($1::bigint[])' : ''} LIMIT 5`,
      orderIds ? [orderIds] : [],
    );
    if (rows.length) broken.push(`${rule}: orders ${rows.map((r) => r.id).join(', ')}`);
  }
  return broken;
}
