import type { LineAllocation, LineAttribute } from '@oms/schema';
import { Column, Entity } from 'typeorm';
import { FenColumn, IdColumn, RefColumn, ShardColumn } from './columns.js';

/** One line of an order, with its frozen allocations (docs/domain.md §4). */
@Entity('order_lines')
export class OrderLineEntity {
  @IdColumn() id: string;
  @RefColumn() orderId: string;
  @RefColumn({ nullable: true }) subOrderId: string | null;
  @ShardColumn() shard: number;
  @Column({ type: 'integer' }) lineNo: number;
  @Column({ type: 'text' }) lineRef: string;
  @Column({ type: 'text' }) sku: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) imageUrl: string | null;
  @Column({ type: 'integer' }) quantity: number;
  @FenColumn() listPriceFen: number;
  @FenColumn() salePriceFen: number;
  @FenColumn() lineAmountFen: number;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) attributes: LineAttribute[];
  @Column({ type: 'text', nullable: true }) merchantId: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) promotionIds: string[];
  @Column({ type: 'text', nullable: true }) giftFor: string | null;
  @Column({ type: 'text', nullable: true }) splitGroup: string | null;

  @FenColumn() allocFreightFen: number;
  @FenColumn() allocCouponFen: number;
  @FenColumn() allocPromotionFen: number;
  @FenColumn() allocGiftCardFen: number;
  /** The gift-card share per card, in the order of the order's gift-card usages. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) allocGiftCards: number[];
  @FenColumn() allocPointsFen: number;
  @FenColumn() allocCashFen: number;
}

/** A line's frozen shares as packages/schema's money rules take them. */
export function lineAllocation(line: OrderLineEntity): LineAllocation {
  return {
    lineAmount: line.lineAmountFen,
    freight: line.allocFreightFen,
    couponDiscount: line.allocCouponFen,
    promotionDiscount: line.allocPromotionFen,
    giftCards: line.allocGiftCards,
    giftCard: line.allocGiftCardFen,
    points: line.allocPointsFen,
    cash: line.allocCashFen,
  };
}
