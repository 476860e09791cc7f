import type { EntityManager } from 'typeorm';
import type {
  OutboundMessageEntity,
  OutboundType,
  RefundEntity,
  SubOrderEntity,
} from '../../entities/index.js';

/** One message a use case sends to the warehouse (or merchant) a sub-order is at. */
export interface OutboundRequest {
  readonly subOrder: Pick<SubOrderEntity, 'id' | 'orderId' | 'shard'>;
  readonly warehouseId: string;
  readonly type: OutboundType;
  readonly reason?: string | null;
}

/** A hold whose rollback period ends at `at`, when its rule's default action runs. */
export interface HoldExpiry {
  readonly interceptionId: string;
  readonly at: Date;
}

/**
 * The outbox port: what leaves a transaction to happen after it commits — messages to warehouses and merchants,
 * refunds to their payment channels, and the product's own timers — is written through here, in the caller's transaction, so a rollback leaves nothing and
 * a commit loses nothing (docs/adr/0005-outbox-and-delivery-order.md). Services call it; `jobs/outbox.ts` implements
 * it on graphile-worker, with the delivery attempts from the configuration.
 */
export interface Outbox {
  /**
   * New messages, each sub-order's taking the next `seq` numbers in the given order, with what delivers them;
   * returns how many were written.
   */
  enqueue(manager: EntityManager, messages: readonly OutboundRequest[]): Promise<number>;
  /**
   * Delivery, afresh, of messages already written and PENDING (a re-drive of dead letters, or rows the demo seed
   * wrote in bulk), with a full attempt budget.
   */
  deliver(manager: EntityManager, messageIds: readonly string[]): Promise<void>;
  /** Each hold's default action, run when its rollback period ends. */
  expireHolds(manager: EntityManager, holds: readonly HoldExpiry[]): Promise<void>;
  /** Each refund's current attempt, to its channel (docs/api.md "Refunds, outbound"). */
  sendRefunds(
    manager: EntityManager,
    refunds: readonly Pick<RefundEntity, 'id' | 'attempt'>[],
  ): Promise<void>;
  /** A message was sent, dropped or dead-lettered: the next one of its sub-order may go now. */
  settled(manager: EntityManager, message: Pick<OutboundMessageEntity, 'subOrderId' | 'seq'>): Promise<void>;
}
