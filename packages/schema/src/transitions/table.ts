import type { Permission } from '../roles/roles.js';
import { REFUND_STATUSES, type RefundStatus } from '../enums/enums.js';
import {
  FINAL_FULFILMENT_STATUSES,
  FINAL_ORDER_STATUSES,
  FULFILMENT_STATUSES,
  INTERCEPTION_STATUSES,
  LOGISTICS_NODES,
  LOGISTICS_RANK,
  ORDER_STATUSES,
  type FulfilmentStatus,
  type InterceptionStatus,
  type LogisticsNode,
  type OrderStatus,
} from './statuses.js';

/** The state machines of the domain: three status strands, interceptions, and refunds. */
export const STRANDS = ['ORDER', 'FULFILMENT', 'LOGISTICS', 'INTERCEPTION', 'REFUND'] as const;
/** One state machine. */
export type Strand = (typeof STRANDS)[number];

/** The states of each strand. */
export interface StrandStates {
  ORDER: OrderStatus;
  FULFILMENT: FulfilmentStatus;
  LOGISTICS: LogisticsNode;
  INTERCEPTION: InterceptionStatus;
  REFUND: RefundStatus;
}

/** Events that move a parent order. */
export const ORDER_EVENTS = ['PAY', 'SPLIT', 'CANCEL', 'EXPIRE_PAYMENT_WINDOW', 'INTERCEPT'] as const;
/** Events that move a sub-order. */
export const FULFILMENT_EVENTS = [
  'DISPATCH_ACKNOWLEDGED',
  'WMS_ACCEPTED',
  'WMS_PICKING',
  'WMS_PACKED',
  'WMS_SHIPPED',
  'PARCEL_SIGNED',
  'PARCEL_REJECTED',
  'CANCEL',
  'CANCEL_CONFIRMED',
  'CANCEL_REFUSED',
  'INTERCEPT',
  'REASSIGN_WAREHOUSE',
] as const;
/** Events that move a shipment: a carrier reporting the node it reached. */
export const LOGISTICS_EVENTS = LOGISTICS_NODES.map((node) => `REPORT_${node}` as const);
/** Events that settle an interception. */
export const INTERCEPTION_EVENTS = ['RELEASE', 'CANCEL_ORDER', 'EXPIRE'] as const;
/** Events of a refund: its channel's answer, a retry by staff, a settlement offline. */
export const REFUND_EVENTS = ['CHANNEL_SUCCEEDED', 'CHANNEL_FAILED', 'RETRY', 'SETTLE_OFFLINE'] as const;

/** The events of each strand. */
export interface StrandEvents {
  ORDER: (typeof ORDER_EVENTS)[number];
  FULFILMENT: (typeof FULFILMENT_EVENTS)[number];
  LOGISTICS: (typeof LOGISTICS_EVENTS)[number];
  INTERCEPTION: (typeof INTERCEPTION_EVENTS)[number];
  REFUND: (typeof REFUND_EVENTS)[number];
}

/** Machines and jobs that trigger transitions besides staff. */
export const AUTOMATED_ACTORS = ['SYSTEM', 'STOREFRONT', 'PAYMENT', 'WAREHOUSE', 'CARRIER'] as const;
/** A non-staff actor. */
export type AutomatedActor = (typeof AUTOMATED_ACTORS)[number];

/** Named preconditions; the server supplies the facts, `GUARDS` (guards.ts) decides. */
export const GUARD_NAMES = [
  'paymentsCoverPayable',
  'paymentWindowOver',
  'notHeld',
  'dispatchSent',
  'cancelNotRequested',
  'cancelRequested',
  'targetHasStock',
  'allParcelsSigned',
  'otherParcelsFinal',
  'rollbackPeriodOver',
  'atOrAboveLastNormalNode',
  'deliveryDeadLettered',
] as const;
/** One guard. */
export type GuardName = (typeof GUARD_NAMES)[number];

/**
 * Side effects a transition asks of the server, in the same transaction (messages go through the outbox). Each has
 * exactly one handler in the server, looked up by name (`services/helpers/effects.ts`); a name nobody runs is not
 * listed.
 */
export const EFFECT_NAMES = [
  'REFUND_PAYMENTS',
  'RELEASE_STOCK',
  'DROP_PENDING_DISPATCH',
  'HOLD',
  'REQUEST_WAREHOUSE_CANCEL',
  'CLEAR_CANCEL_REQUEST',
  'REQUEST_WAREHOUSE_INTERCEPT',
  'REQUEST_LOGISTICS_INTERCEPT',
  'MOVE_RESERVATION',
  'WITHDRAW_FROM_WAREHOUSE',
  'CREATE_SHIPMENTS',
  'SETTLE_COD',
  'RESUME',
] as const;
/** One effect. */
export type EffectName = (typeof EFFECT_NAMES)[number];

/** One row of the transition table. */
export interface TransitionRow<S extends Strand = Strand> {
  readonly strand: S;
  readonly from: StrandStates[S];
  readonly event: StrandEvents[S];
  readonly to: StrandStates[S];
  /** All must hold; empty when the event alone decides. */
  readonly guards: readonly GuardName[];
  /** Staff may trigger it when their role holds this permission (docs/roles.md); absent: staff never trigger it. */
  readonly permission?: Permission;
  /** Machines and jobs that may trigger it. */
  readonly actors: readonly AutomatedActor[];
  readonly effects: readonly EffectName[];
}

type RowSpec<S extends Strand> = Omit<TransitionRow<S>, 'strand' | 'guards' | 'effects' | 'actors'> &
  Partial<Pick<TransitionRow<S>, 'guards' | 'effects' | 'actors'>>;

function rows<S extends Strand>(strand: S, specs: readonly RowSpec<S>[]): TransitionRow<S>[] {
  return specs.map((spec) => ({ guards: [], effects: [], actors: [], ...spec, strand }));
}

/** One spec per `from` state, for events allowed from several states with the same outcome. */
function fromEach<S extends Strand>(
  froms: readonly StrandStates[S][],
  spec: Omit<RowSpec<S>, 'from'> | ((from: StrandStates[S]) => Omit<RowSpec<S>, 'from'>),
): RowSpec<S>[] {
  return froms.map((from) => ({ ...(typeof spec === 'function' ? spec(from) : spec), from }));
}

const ORDER_ROWS = rows('ORDER', [
  {
    from: 'PENDING_PAYMENT',
    event: 'PAY',
    to: 'PAID',
    guards: ['paymentsCoverPayable'],
    actors: ['PAYMENT'],
  },
  {
    from: 'PENDING_PAYMENT',
    event: 'EXPIRE_PAYMENT_WINDOW',
    to: 'CLOSED',
    guards: ['paymentWindowOver'],
    actors: ['SYSTEM'],
    effects: ['REFUND_PAYMENTS'],
  },
  // The split happens even under a hold (docs/api.md "Holds before payment"): the hold then covers every
  // sub-order, and dispatch waits for its release. Sub-orders are created, then screened, by the payment's use case.
  { from: 'PAID', event: 'SPLIT', to: 'SPLIT', actors: ['SYSTEM'] },
  ...fromEach<'ORDER'>(['PENDING_PAYMENT', 'PAID'], {
    event: 'CANCEL',
    to: 'CANCELLED',
    permission: 'ORDER_CANCEL',
    actors: ['SYSTEM'],
    effects: ['REFUND_PAYMENTS'],
  }),
  ...fromEach<'ORDER'>(['PENDING_PAYMENT', 'PAID'], (from) => ({
    event: 'INTERCEPT',
    to: from,
    guards: ['notHeld'],
    permission: 'ORDER_INTERCEPT',
    effects: ['HOLD'],
  })),
]);

const BEFORE_PICKING = ['CREATED', 'DISPATCHED', 'ACCEPTED'] as const;
const AT_WAREHOUSE = ['DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED'] as const;

/** Warehouse reports move forward only, skipping steps a warehouse (or merchant) does not report. */
function warehouseStep(
  event: 'WMS_ACCEPTED' | 'WMS_PICKING' | 'WMS_PACKED' | 'WMS_SHIPPED',
  to: FulfilmentStatus,
  froms: readonly FulfilmentStatus[],
): RowSpec<'FULFILMENT'>[] {
  const effects: EffectName[] = to === 'SHIPPED' ? ['CREATE_SHIPMENTS', 'CLEAR_CANCEL_REQUEST'] : [];
  return fromEach<'FULFILMENT'>(froms, (from) => ({
    event,
    to,
    // A callback may overtake the 2xx of its own dispatch; it proves the warehouse has the sub-order.
    guards: from === 'CREATED' ? ['dispatchSent'] : [],
    actors: ['WAREHOUSE'],
    effects,
  }));
}

const FULFILMENT_ROWS = rows('FULFILMENT', [
  {
    from: 'CREATED',
    event: 'DISPATCH_ACKNOWLEDGED',
    to: 'DISPATCHED',
    guards: ['dispatchSent'],
    actors: ['SYSTEM'],
  },
  ...warehouseStep('WMS_ACCEPTED', 'ACCEPTED', ['CREATED', 'DISPATCHED']),
  ...warehouseStep('WMS_PICKING', 'PICKING', ['CREATED', 'DISPATCHED', 'ACCEPTED']),
  ...warehouseStep('WMS_PACKED', 'PACKED', ['CREATED', 'DISPATCHED', 'ACCEPTED', 'PICKING']),
  ...warehouseStep('WMS_SHIPPED', 'SHIPPED', ['CREATED', 'DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED']),
  {
    from: 'SHIPPED',
    event: 'PARCEL_SIGNED',
    to: 'DELIVERED',
    guards: ['allParcelsSigned'],
    actors: ['CARRIER'],
    effects: ['SETTLE_COD'],
  },
  {
    from: 'SHIPPED',
    event: 'PARCEL_REJECTED',
    to: 'REJECTED',
    guards: ['otherParcelsFinal'],
    actors: ['CARRIER'],
  },
  // No warehouse has acknowledged the dispatch yet: cancel at once and drop the pending dispatch.
  {
    from: 'CREATED',
    event: 'CANCEL',
    to: 'CANCELLED',
    permission: 'ORDER_CANCEL',
    actors: ['SYSTEM'],
    effects: ['REFUND_PAYMENTS', 'RELEASE_STOCK', 'DROP_PENDING_DISPATCH'],
  },
  // At a warehouse: ask it first; the sub-order is cancelled only when it confirms.
  ...fromEach<'FULFILMENT'>(AT_WAREHOUSE, (from) => ({
    event: 'CANCEL',
    to: from,
    guards: ['cancelNotRequested'],
    permission: 'ORDER_CANCEL',
    actors: ['SYSTEM'],
    effects: ['REQUEST_WAREHOUSE_CANCEL'],
  })),
  ...fromEach<'FULFILMENT'>(AT_WAREHOUSE, {
    event: 'CANCEL_CONFIRMED',
    to: 'CANCELLED',
    guards: ['cancelRequested'],
    actors: ['WAREHOUSE'],
    effects: ['REFUND_PAYMENTS', 'RELEASE_STOCK'],
  }),
  ...fromEach<'FULFILMENT'>(AT_WAREHOUSE, (from) => ({
    event: 'CANCEL_REFUSED',
    to: from,
    guards: ['cancelRequested'],
    actors: ['WAREHOUSE'],
    effects: ['CLEAR_CANCEL_REQUEST'],
  })),
  {
    from: 'CREATED',
    event: 'INTERCEPT',
    to: 'CREATED',
    guards: ['notHeld'],
    permission: 'ORDER_INTERCEPT',
    actors: ['SYSTEM'],
    effects: ['HOLD'],
  },
  ...fromEach<'FULFILMENT'>(AT_WAREHOUSE, (from) => ({
    event: 'INTERCEPT',
    to: from,
    guards: ['notHeld'],
    permission: 'ORDER_INTERCEPT',
    actors: ['SYSTEM'],
    effects: ['HOLD', 'REQUEST_WAREHOUSE_INTERCEPT'],
  })),
  {
    from: 'SHIPPED',
    event: 'INTERCEPT',
    to: 'SHIPPED',
    guards: ['notHeld'],
    permission: 'ORDER_INTERCEPT',
    effects: ['HOLD', 'REQUEST_LOGISTICS_INTERCEPT'],
  },
  // Reassigned sub-orders start again at the new warehouse; the old one is asked to withdraw.
  ...fromEach<'FULFILMENT'>(BEFORE_PICKING, (from) => ({
    event: 'REASSIGN_WAREHOUSE',
    to: 'CREATED',
    guards: ['targetHasStock', 'cancelNotRequested'],
    permission: 'WAREHOUSE_REASSIGN',
    effects: from === 'CREATED' ? ['MOVE_RESERVATION'] : ['MOVE_RESERVATION', 'WITHDRAW_FROM_WAREHOUSE'],
  })),
]);

type RankedNode = keyof typeof LOGISTICS_RANK;
const RANKED_NODES = Object.keys(LOGISTICS_RANK) as RankedNode[];
/** Nodes a parcel never leaves. */
export const FINAL_LOGISTICS_NODES: readonly LogisticsNode[] = ['SIGNED', 'RETURN_SIGNED'];

const LOGISTICS_ROWS = rows(
  'LOGISTICS',
  LOGISTICS_NODES.filter((from) => !FINAL_LOGISTICS_NODES.includes(from)).flatMap((from) => {
    const targets: RowSpec<'LOGISTICS'>[] = [];
    for (const to of RANKED_NODES) {
      const forward = from === 'EXCEPTION' || LOGISTICS_RANK[to] > LOGISTICS_RANK[from as RankedNode];
      if (!forward) continue;
      targets.push({
        from,
        event: `REPORT_${to}`,
        to,
        guards: from === 'EXCEPTION' ? ['atOrAboveLastNormalNode'] : [],
        actors: ['CARRIER'],
      });
    }
    if (from !== 'EXCEPTION') {
      targets.push({ from, event: 'REPORT_EXCEPTION', to: 'EXCEPTION', actors: ['CARRIER'] });
    }
    return targets;
  }),
);

const INTERCEPTION_ROWS = rows('INTERCEPTION', [
  {
    from: 'ACTIVE',
    event: 'RELEASE',
    to: 'RELEASED',
    permission: 'INTERCEPTION_DECIDE',
    effects: ['RESUME'],
  },
  // The decision's use case cancels what can still be cancelled; a staff cancel of a held order settles its holds
  // the same way (actor SYSTEM), which must not cancel anything again.
  {
    from: 'ACTIVE',
    event: 'CANCEL_ORDER',
    to: 'CANCELLED_ORDER',
    permission: 'INTERCEPTION_DECIDE',
    actors: ['SYSTEM'],
  },
  // The rollback period's default action, release, runs with the EXPIRED record.
  {
    from: 'ACTIVE',
    event: 'EXPIRE',
    to: 'EXPIRED',
    guards: ['rollbackPeriodOver'],
    actors: ['SYSTEM'],
    effects: ['RESUME'],
  },
]);

// A refund is settled by its channel's answer; a failed one is sent again (a new attempt) or settled offline by a
// manager, and one whose delivery was dead-lettered (the channel never took it) the same way, as it stands.
const REFUND_ROWS = rows('REFUND', [
  { from: 'PENDING', event: 'CHANNEL_SUCCEEDED', to: 'SUCCEEDED', actors: ['PAYMENT'] },
  { from: 'PENDING', event: 'CHANNEL_FAILED', to: 'FAILED', actors: ['PAYMENT'] },
  { from: 'FAILED', event: 'RETRY', to: 'PENDING', permission: 'DELIVERY_RETRY' },
  {
    from: 'PENDING',
    event: 'RETRY',
    to: 'PENDING',
    guards: ['deliveryDeadLettered'],
    permission: 'DELIVERY_RETRY',
  },
  { from: 'FAILED', event: 'SETTLE_OFFLINE', to: 'SUCCEEDED', permission: 'REFUND_SETTLE_OFFLINE' },
  {
    from: 'PENDING',
    event: 'SETTLE_OFFLINE',
    to: 'SUCCEEDED',
    guards: ['deliveryDeadLettered'],
    permission: 'REFUND_SETTLE_OFFLINE',
  },
]);

/** The whole transition table, every strand: the one source the server enforces and the console reads. */
export const TRANSITIONS: readonly TransitionRow[] = [
  ...ORDER_ROWS,
  ...FULFILMENT_ROWS,
  ...LOGISTICS_ROWS,
  ...INTERCEPTION_ROWS,
  ...REFUND_ROWS,
];

/** Every state of each strand, and where each strand starts. */
export const STRAND_DEFINITIONS: {
  readonly [S in Strand]: {
    readonly states: readonly StrandStates[S][];
    readonly events: readonly StrandEvents[S][];
    readonly initial: readonly StrandStates[S][];
    readonly finals: readonly StrandStates[S][];
  };
} = {
  ORDER: {
    states: ORDER_STATUSES,
    events: ORDER_EVENTS,
    initial: ['PENDING_PAYMENT'],
    finals: FINAL_ORDER_STATUSES,
  },
  FULFILMENT: {
    states: FULFILMENT_STATUSES,
    events: FULFILMENT_EVENTS,
    initial: ['CREATED'],
    finals: FINAL_FULFILMENT_STATUSES,
  },
  // A parcel's first push may report any node (a same-day delivery's first push can be SIGNED).
  LOGISTICS: {
    states: LOGISTICS_NODES,
    events: LOGISTICS_EVENTS,
    initial: LOGISTICS_NODES,
    finals: FINAL_LOGISTICS_NODES,
  },
  INTERCEPTION: {
    states: INTERCEPTION_STATUSES,
    events: INTERCEPTION_EVENTS,
    initial: ['ACTIVE'],
    finals: ['RELEASED', 'CANCELLED_ORDER', 'EXPIRED'],
  },
  REFUND: {
    states: REFUND_STATUSES,
    events: REFUND_EVENTS,
    initial: ['PENDING'],
    finals: ['SUCCEEDED'],
  },
};
