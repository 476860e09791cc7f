import type { PaymentMethod, PaymentStatus, RefundStatus } from '@oms/schema';
import { Column, Entity } from 'typeorm';
import { FenColumn, IdColumn, RefColumn, ShardColumn, TimeColumn } from './columns.js';

/** One payment instrument of an order (docs/domain.md §2). */
@Entity('payments')
export class PaymentEntity {
  @IdColumn() id: string;
  @RefColumn() orderId: string;
  @ShardColumn() shard: number;
  @Column({ type: 'text' }) method: PaymentMethod;
  @FenColumn() amountFen: number;
  @Column({ type: 'text' }) status: PaymentStatus;
  @Column({ type: 'text', nullable: true }) transactionNo: string | null;
  @TimeColumn({ nullable: true }) paidAt: Date | null;
  @TimeColumn() createdAt: Date;
}

/** Every status change of a payment, with the channel's raw reference. */
@Entity('payment_logs')
export class PaymentLogEntity {
  @IdColumn() id: string;
  @RefColumn() paymentId: string;
  @RefColumn() orderId: string;
  @ShardColumn() shard: number;
  @Column({ type: 'text' }) status: PaymentStatus;
  @TimeColumn() at: Date;
  @Column({ type: 'text', nullable: true }) reference: string | null;
}

/** A gift card deduction; a refund adds a reversing row pointing at it. */
@Entity('gift_card_usages')
export class GiftCardUsageEntity {
  @IdColumn() id: string;
  @RefColumn() orderId: string;
  @ShardColumn() shard: number;
  @Column({ type: 'text' }) cardNumber: string;
  /** Negative on a reversal. */
  @FenColumn() amountFen: number;
  @FenColumn() balanceAfterFen: number;
  @TimeColumn() at: Date;
  @RefColumn({ nullable: true }) reversalOfId: string | null;
}

/** Points spent on an order; a refund adds a reversing row pointing at it. */
@Entity('points_usages')
export class PointsUsageEntity {
  @IdColumn() id: string;
  @RefColumn() orderId: string;
  @ShardColumn() shard: number;
  /** Negative on a reversal. */
  @Column({ type: 'integer' }) points: number;
  @FenColumn() valueFen: number;
  @Column({ type: 'integer' }) balanceAfter: number;
  @TimeColumn() at: Date;
  @RefColumn({ nullable: true }) reversalOfId: string | null;
}

/** Money going back to one instrument (docs/domain.md §2). */
@Entity('refunds')
export class RefundEntity {
  @IdColumn() id: string;
  @RefColumn() orderId: string;
  @RefColumn({ nullable: true }) subOrderId: string | null;
  @ShardColumn() shard: number;
  @Column({ type: 'text' }) method: PaymentMethod;
  @FenColumn() amountFen: number;
  @Column({ type: 'text' }) status: RefundStatus;
  @Column({ type: 'text' }) reason: string;
  @TimeColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) settledAt: Date | null;
}
