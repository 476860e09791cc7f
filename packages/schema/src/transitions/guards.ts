import { LOGISTICS_RANK, type LogisticsNode } from './statuses.js';
import type { GuardName, TransitionRow } from './table.js';

/**
 * What the server knows about an object when it asks whether a transition may run. A guard whose fact is
 * absent does not hold: the server must say, not the table assume.
 */
export interface TransitionFacts {
  /** An ACTIVE interception covers the object. */
  held?: boolean;
  /** Succeeded payments (COD counting as pending cover) reach the payable amount. */
  paymentsCoverPayable?: boolean;
  /** The payment window (default 30 min) has run out. */
  paymentWindowOver?: boolean;
  /** A dispatch to the current warehouse has been sent (it may not be acknowledged yet). */
  dispatchSent?: boolean;
  /** A cancellation waits for the warehouse's answer (`cancelRequestedAt` is set). */
  cancelRequested?: boolean;
  /** The target warehouse holds stock for every line. */
  targetHasStock?: boolean;
  /** With this report, every parcel of the sub-order is signed. */
  allParcelsSigned?: boolean;
  /** Every other parcel of the sub-order has reached a final node. */
  otherParcelsFinal?: boolean;
  /** The interception's rollback period has ended. */
  rollbackPeriodOver?: boolean;
  /** The last node on the normal path before the parcel went to EXCEPTION (null: none yet). */
  lastNormalNode?: LogisticsNode | null;
  /** A refund's delivery to its channel was given up on (dead-lettered): no channel has it. */
  deliveryDeadLettered?: boolean;
}

/** A guard's meaning, for docs and for refusals. */
export interface GuardDefinition {
  readonly description: string;
  readonly holds: (facts: TransitionFacts, row: TransitionRow) => boolean;
}

function rankOf(node: LogisticsNode | null | undefined): number {
  if (!node || node === 'EXCEPTION') return 0;
  return LOGISTICS_RANK[node];
}

/** Every guard of the table, by name. */
export const GUARDS: Readonly<Record<GuardName, GuardDefinition>> = {
  paymentsCoverPayable: {
    description: 'succeeded payments cover the payable amount',
    holds: (f) => f.paymentsCoverPayable === true,
  },
  paymentWindowOver: {
    description: 'the payment window has run out',
    holds: (f) => f.paymentWindowOver === true,
  },
  notHeld: { description: 'no active interception covers it', holds: (f) => f.held === false },
  deliveryDeadLettered: {
    description: 'its delivery to the channel was dead-lettered: the channel never took it',
    holds: (f) => f.deliveryDeadLettered === true,
  },
  dispatchSent: {
    description: 'a dispatch to the current warehouse was sent',
    holds: (f) => f.dispatchSent === true,
  },
  cancelNotRequested: {
    description: 'no cancellation is waiting for the warehouse',
    holds: (f) => f.cancelRequested === false,
  },
  cancelRequested: {
    description: 'a cancellation is waiting for the warehouse',
    holds: (f) => f.cancelRequested === true,
  },
  targetHasStock: {
    description: 'the target warehouse has stock for every line',
    holds: (f) => f.targetHasStock === true,
  },
  allParcelsSigned: {
    description: 'every parcel of the sub-order is signed',
    holds: (f) => f.allParcelsSigned === true,
  },
  otherParcelsFinal: {
    description: 'every other parcel of the sub-order is final',
    holds: (f) => f.otherParcelsFinal === true,
  },
  rollbackPeriodOver: {
    description: 'the rollback period has ended',
    holds: (f) => f.rollbackPeriodOver === true,
  },
  atOrAboveLastNormalNode: {
    description: 'the reported node ranks at or above the last node before the exception',
    holds: (f, row) =>
      f.lastNormalNode !== undefined && rankOf(row.to as LogisticsNode) >= rankOf(f.lastNormalNode),
  },
};
