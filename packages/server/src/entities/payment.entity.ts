import type { PaymentMethod, PaymentStatus, RefundDeliveryState, RefundStatus } from '@oms/schema';
import { Column, Entity, PrimaryColumn } from 'typeorm';
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

/**
 * Money going back to one instrument (docs/domain.md §2, §11): drawn on one payment, sent to its channel attempt by
 * attempt (each attempt a new `eventId`), and settled only by the channel's answer (or offline by a manager).
 */
@Entity('refunds')
export class RefundEntity {
  @IdColumn() id: string;
  @RefColumn() orderId: string;
  @RefColumn({ nullable: true }) subOrderId: string | null;
  @ShardColumn() shard: number;
  /** The payment it draws on (null for refunds made before refunds were settled by channels). */
  @RefColumn({ nullable: true }) paymentId: string | null;
  @Column({ type: 'text' }) method: PaymentMethod;
  @FenColumn() amountFen: number;
  @Column({ type: 'text' }) status: RefundStatus;
  @Column({ type: 'text' }) reason: string;
  /** 1 for the first send; a retry after a failure is the next attempt. */
  @Column({ type: 'integer', default: 1 }) attempt: number;
  /** The current attempt's event id, which the channel deduplicates by. */
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'text', default: 'PENDING' }) deliveryState: RefundDeliveryState;
  /** Deliveries of the current attempt that got no 2xx. */
  @Column({ type: 'integer', default: 0 }) deliveryAttempts: number;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  /** The channel's own refund number, from its answer (or the bank transfer's reference when settled offline). */
  @Column({ type: 'text', nullable: true }) channelRefundNo: string | null;
  /** Why the channel refused the last attempt. */
  @Column({ type: 'text', nullable: true }) failureReason: string | null;
  @Column({ type: 'boolean', default: false }) settledOffline: boolean;
  /** GIFT_CARD: the card the money goes back to. */
  @Column({ type: 'text', nullable: true }) cardNumber: string | null;
  /** POINTS: the points that go back to the account. */
  @Column({ type: 'integer', nullable: true }) points: number | null;
  @TimeColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) settledAt: Date | null;
}

/** Where refunds of one payment method go, and the secret their messages and answers are signed with. */
@Entity('payment_channels')
export class PaymentChannelEntity {
  @PrimaryColumn({ type: 'text' }) method: PaymentMethod;
  @Column({ type: 'text', nullable: true }) endpointUrl: string | null;
  @Column({ type: 'text', nullable: true }) secret: string | null;
  @TimeColumn() updatedAt: Date;
  @Column({ type: 'text', nullable: true }) updatedBy: string | null;
}
