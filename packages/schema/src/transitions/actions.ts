import { hasPermission, type Permission, type StaffRole } from '../roles/roles.js';
import { checkTransition, type TransitionCheck } from './engine.js';
import type { TransitionFacts } from './guards.js';
import type { DispatchState, RefundStatus } from '../enums/enums.js';
import type { FulfilmentStatus, OrderStatus } from './statuses.js';
import { TRANSITIONS, type GuardName, type Strand } from './table.js';

/** What staff can do to an order or sub-order (docs/api.md `StaffAction`). */
export const STAFF_ACTIONS = [
  'INTERCEPT',
  'RELEASE',
  'CANCEL',
  'REASSIGN_WAREHOUSE',
  'ADD_NOTE',
  'REVEAL',
  'REDRIVE_DISPATCH',
  'RETRY_REFUND',
  'SETTLE_REFUND_OFFLINE',
] as const;
/** One staff action. */
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** Why an action is offered but disabled now; the console words each code. */
export const DISABLED_REASONS = [
  'STATE_FORBIDS',
  'ALREADY_HELD',
  'NOT_HELD',
  'CANCEL_PENDING',
  'NO_SUB_ORDER_ALLOWS',
  'NOT_DEAD_LETTERED',
  'REFUND_IN_FLIGHT',
] as const;
/** One reason code. */
export type DisabledReason = (typeof DISABLED_REASONS)[number];

/** One entry of `allowedActions`: offered to this role, enabled now or not and why. */
export interface AllowedAction {
  readonly action: StaffAction;
  readonly enabled: boolean;
  readonly reasonCode: DisabledReason | null;
  /** English sentence for scripts and logs; the console words `reasonCode` itself. */
  readonly reason: string | null;
}

/** What the server knows of a sub-order when it lists actions. */
export interface SubOrderActionFacts {
  readonly status: FulfilmentStatus;
  readonly held: boolean;
  readonly cancelRequested: boolean;
  /** Where its dispatch to the warehouse stands (a dead-lettered one can be re-driven). */
  readonly dispatchState: DispatchState;
}

/** What the server knows of a refund when it lists actions. */
export interface RefundActionFacts {
  readonly status: RefundStatus;
  /** Its delivery to the channel was given up on: the channel never took it. */
  readonly deliveryDeadLettered: boolean;
}

/** What the server knows of a parent order when it lists actions. */
export interface OrderActionFacts {
  readonly status: OrderStatus;
  /** A hold placed on the parent itself (before the split). */
  readonly held: boolean;
  readonly subOrders: readonly SubOrderActionFacts[];
}

function permissionOfEvent(strand: Strand, event: string): Permission {
  const row = TRANSITIONS.find((r) => r.strand === strand && r.event === event && r.permission);
  if (!row?.permission) throw new Error(`No staff row for ${strand} ${event}`);
  return row.permission;
}

/** The permission each action needs: from the table where the action is a transition, else fixed. */
export const ACTION_PERMISSIONS: Readonly<Record<StaffAction, Permission>> = {
  INTERCEPT: permissionOfEvent('FULFILMENT', 'INTERCEPT'),
  RELEASE: permissionOfEvent('INTERCEPTION', 'RELEASE'),
  CANCEL: permissionOfEvent('FULFILMENT', 'CANCEL'),
  REASSIGN_WAREHOUSE: permissionOfEvent('FULFILMENT', 'REASSIGN_WAREHOUSE'),
  ADD_NOTE: 'ORDER_NOTE',
  REVEAL: 'PERSONAL_DATA_REVEAL',
  REDRIVE_DISPATCH: 'DELIVERY_RETRY',
  RETRY_REFUND: permissionOfEvent('REFUND', 'RETRY'),
  SETTLE_REFUND_OFFLINE: permissionOfEvent('REFUND', 'SETTLE_OFFLINE'),
};

const GUARD_REASONS: Partial<Record<GuardName, DisabledReason>> = {
  notHeld: 'ALREADY_HELD',
  cancelNotRequested: 'CANCEL_PENDING',
  deliveryDeadLettered: 'REFUND_IN_FLIGHT',
};

const REASON_TEXT: Readonly<Record<DisabledReason, (state: string) => string>> = {
  STATE_FORBIDS: (state) => `not possible in state ${state}`,
  ALREADY_HELD: () => 'already held by an active interception',
  NOT_HELD: () => 'no active interception to release',
  CANCEL_PENDING: () => 'a cancellation is already waiting for the warehouse',
  NO_SUB_ORDER_ALLOWS: (state) => `no sub-order allows it (order is ${state})`,
  NOT_DEAD_LETTERED: () => 'no dead-lettered message to re-drive',
  REFUND_IN_FLIGHT: () => 'the channel has the refund: wait for its answer',
};

function enabled(action: StaffAction): AllowedAction {
  return { action, enabled: true, reasonCode: null, reason: null };
}

function disabled(action: StaffAction, reasonCode: DisabledReason, state: string): AllowedAction {
  return { action, enabled: false, reasonCode, reason: REASON_TEXT[reasonCode](state) };
}

function fromCheck(action: StaffAction, check: TransitionCheck<Strand>, state: string): AllowedAction {
  if (check.ok) return enabled(action);
  const code =
    check.reason === 'GUARD_FAILED' ? (GUARD_REASONS[check.guard] ?? 'STATE_FORBIDS') : 'STATE_FORBIDS';
  return disabled(action, code, state);
}

function subOrderFacts(subOrder: SubOrderActionFacts): TransitionFacts {
  // The target warehouse is chosen in the dialog; its stock is checked when the reassignment runs.
  return { held: subOrder.held, cancelRequested: subOrder.cancelRequested, targetHasStock: true };
}

function forRole(role: StaffRole, actions: AllowedAction[]): AllowedAction[] {
  return actions.filter((a) => hasPermission(role, ACTION_PERMISSIONS[a.action]));
}

/** The actions `role` may perform on a sub-order, each enabled or not by its state and holds. */
export function allowedActionsForSubOrder(role: StaffRole, subOrder: SubOrderActionFacts): AllowedAction[] {
  const facts = subOrderFacts(subOrder);
  const check = (event: 'INTERCEPT' | 'CANCEL' | 'REASSIGN_WAREHOUSE') =>
    checkTransition('FULFILMENT', subOrder.status, event, facts);
  return forRole(role, [
    fromCheck('INTERCEPT', check('INTERCEPT'), subOrder.status),
    subOrder.held ? enabled('RELEASE') : disabled('RELEASE', 'NOT_HELD', subOrder.status),
    fromCheck('CANCEL', check('CANCEL'), subOrder.status),
    fromCheck('REASSIGN_WAREHOUSE', check('REASSIGN_WAREHOUSE'), subOrder.status),
    enabled('ADD_NOTE'),
    enabled('REVEAL'),
    subOrder.dispatchState === 'DEAD_LETTER'
      ? enabled('REDRIVE_DISPATCH')
      : disabled('REDRIVE_DISPATCH', 'NOT_DEAD_LETTERED', subOrder.dispatchState),
  ]);
}

/** The actions `role` may perform on a refund: send it again, or settle it offline, each by the REFUND strand. */
export function allowedActionsForRefund(role: StaffRole, refund: RefundActionFacts): AllowedAction[] {
  const facts: TransitionFacts = { deliveryDeadLettered: refund.deliveryDeadLettered };
  return forRole(role, [
    fromCheck('RETRY_REFUND', checkTransition('REFUND', refund.status, 'RETRY', facts), refund.status),
    fromCheck(
      'SETTLE_REFUND_OFFLINE',
      checkTransition('REFUND', refund.status, 'SETTLE_OFFLINE', facts),
      refund.status,
    ),
  ]);
}

/** Enabled when any sub-order allows `action`; otherwise disabled with the reason. */
function anySubOrder(order: OrderActionFacts, action: 'INTERCEPT' | 'CANCEL'): AllowedAction {
  const checks = order.subOrders.map((s) =>
    checkTransition('FULFILMENT', s.status, action, subOrderFacts(s)),
  );
  if (checks.some((c) => c.ok)) return enabled(action);
  const only = checks.length === 1 ? checks[0] : undefined;
  return only && order.subOrders[0]
    ? fromCheck(action, only, order.subOrders[0].status)
    : disabled(action, 'NO_SUB_ORDER_ALLOWS', order.status);
}

/**
 * The actions `role` may perform on a parent order. Before the split they follow the order strand; after it,
 * an action is enabled when at least one sub-order allows it (the mutation then reports the others).
 */
export function allowedActionsForOrder(role: StaffRole, order: OrderActionFacts): AllowedAction[] {
  const split = order.status === 'SPLIT';
  const facts: TransitionFacts = { held: order.held };
  const anyHeld = order.held || order.subOrders.some((s) => s.held);
  return forRole(role, [
    split
      ? anySubOrder(order, 'INTERCEPT')
      : fromCheck('INTERCEPT', checkTransition('ORDER', order.status, 'INTERCEPT', facts), order.status),
    anyHeld ? enabled('RELEASE') : disabled('RELEASE', 'NOT_HELD', order.status),
    split
      ? anySubOrder(order, 'CANCEL')
      : fromCheck('CANCEL', checkTransition('ORDER', order.status, 'CANCEL', facts), order.status),
    enabled('ADD_NOTE'),
    enabled('REVEAL'),
  ]);
}
