import type { InvoiceType, OrderSource } from '@oms/schema';
import type { OrderStatus, OrderType } from '@oms/schema';
import { Column, Entity } from 'typeorm';
import { encryptedText } from '../privacy/personal-data-columns.js';
import { FenColumn, IdColumn, ShardColumn, TimeColumn } from './columns.js';

/** An order-level promotion as the storefront sent it (kept for 满减 re-allocation on return). */
export interface PromotionRecord {
  id: string;
  thresholdFen: number | null;
  discountFen: number;
}

/** The invoice the customer asked for. */
export interface InvoiceRecord {
  type: InvoiceType;
  title: string;
  taxId: string | null;
}

/** The parent order (docs/domain.md §2). */
@Entity('orders')
export class OrderEntity {
  @IdColumn() id: string;
  @Column({ type: 'char', length: 16 }) number: string;
  @ShardColumn() shard: number;
  @Column({ type: 'text' }) source: OrderSource;
  @Column({ type: 'text' }) externalId: string;
  /** Hash of the createOrder input, so a retry is recognised and a changed payload refused. */
  @Column({ type: 'text', nullable: true }) requestHash: string | null;
  @Column({ type: 'text' }) type: OrderType;
  @Column({ type: 'text', nullable: true }) channel: string | null;
  @Column({ type: 'text' }) status: OrderStatus;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ type: 'text' }) ownerId: string;

  @Column({ type: 'text' }) customerId: string;
  @Column({ type: 'text', nullable: true }) customerNickname: string | null;
  @TimeColumn({ nullable: true }) customerRegisteredAt: Date | null;

  @Column({ type: 'text' }) receiverName: string;
  /** Encrypted at rest (ADR 0009); the entity holds the plaintext. */
  @Column({ type: 'text', transformer: encryptedText }) receiverPhone: string;
  /** Blind index of the normalised phone, for exact search (personal-data-columns.ts receiverIndexes). */
  @Column({ type: 'text' }) receiverPhoneIndex: string;
  @Column({ type: 'text' }) receiverProvince: string;
  @Column({ type: 'text' }) receiverCity: string;
  @Column({ type: 'text' }) receiverDistrict: string;
  /** Encrypted at rest (ADR 0009); the entity holds the plaintext. */
  @Column({ type: 'text', transformer: encryptedText }) receiverAddress: string;
  /** Blind index of normalizeAddress() of the whole address, for ADDRESS_VELOCITY and the address blacklist. */
  @Column({ type: 'text', nullable: true }) receiverAddressKey: string | null;
  @Column({ type: 'text', nullable: true }) deliveryPreference: string | null;

  @Column({ type: 'jsonb', nullable: true }) invoice: InvoiceRecord | null;
  @Column({ type: 'text', nullable: true }) remark: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) promotions: PromotionRecord[];
  @Column({ type: 'jsonb', default: () => "'{}'" }) ext: Record<string, unknown>;

  @FenColumn() goodsFen: number;
  @FenColumn() freightFen: number;
  @FenColumn() couponDiscountFen: number;
  @FenColumn() promotionDiscountFen: number;
  @FenColumn() giftCardFen: number;
  @FenColumn() pointsFen: number;
  @FenColumn() payableFen: number;

  /** An ACTIVE interception holds the order or one of its sub-orders; kept in step with interceptions. */
  @Column({ type: 'boolean', default: false }) held: boolean;

  @TimeColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) paidAt: Date | null;
  @TimeColumn() updatedAt: Date;
}

/** Where an order's goods go, in full: what a reveal shows and a dispatch carries (and nothing else does). */
export interface Receiver {
  readonly name: string;
  readonly phone: string;
  readonly province: string;
  readonly city: string;
  readonly district: string;
  readonly address: string;
}

/** The order's receiver in full. */
export function receiverOf(order: OrderEntity): Receiver {
  return {
    name: order.receiverName,
    phone: order.receiverPhone,
    province: order.receiverProvince,
    city: order.receiverCity,
    district: order.receiverDistrict,
    address: order.receiverAddress,
  };
}
