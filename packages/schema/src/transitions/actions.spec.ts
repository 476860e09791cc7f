import { describe, expect, it } from 'vitest';
import {
  allowedActionsForOrder,
  allowedActionsForRefund,
  allowedActionsForSubOrder,
  type RefundActionFacts,
} from './actions.js';
import type { SubOrderActionFacts } from './actions.js';

const sub = (
  status: SubOrderActionFacts['status'],
  extra: Partial<SubOrderActionFacts> = {},
): SubOrderActionFacts => ({
  status,
  held: false,
  cancelRequested: false,
  dispatchState: 'ACKNOWLEDGED',
  ...extra,
});

function summary(actions: ReturnType<typeof allowedActionsForSubOrder>) {
  return Object.fromEntries(actions.map((a) => [a.action, a.enabled ? 'on' : a.reasonCode]));
}

describe('allowedActionsForSubOrder', () => {
  it('offers an agent no warehouse or release actions at all', () => {
    expect(summary(allowedActionsForSubOrder('AGENT', sub('CREATED')))).toEqual({
      INTERCEPT: 'on',
      CANCEL: 'on',
      ADD_NOTE: 'on',
      REVEAL: 'on',
    });
  });

  it('disables by state for ops on a shipped sub-order', () => {
    expect(summary(allowedActionsForSubOrder('OPS', sub('SHIPPED')))).toEqual({
      INTERCEPT: 'on',
      CANCEL: 'STATE_FORBIDS',
      REASSIGN_WAREHOUSE: 'STATE_FORBIDS',
      ADD_NOTE: 'on',
      REVEAL: 'on',
      REDRIVE_DISPATCH: 'NOT_DEAD_LETTERED',
    });
  });

  it('offers ops a re-drive only while the dispatch is dead-lettered, and an agent none', () => {
    const redrive = (role: 'AGENT' | 'OPS', dispatchState: SubOrderActionFacts['dispatchState']) =>
      allowedActionsForSubOrder(role, sub('CREATED', { dispatchState })).find(
        (a) => a.action === 'REDRIVE_DISPATCH',
      );
    expect(redrive('OPS', 'DEAD_LETTER')).toMatchObject({ enabled: true });
    expect(redrive('OPS', 'RETRYING')).toMatchObject({ enabled: false, reasonCode: 'NOT_DEAD_LETTERED' });
    expect(redrive('AGENT', 'DEAD_LETTER')).toBeUndefined();
  });

  it('gives a manager release on a held sub-order, and no second hold', () => {
    expect(summary(allowedActionsForSubOrder('MANAGER', sub('DISPATCHED', { held: true })))).toEqual({
      INTERCEPT: 'ALREADY_HELD',
      RELEASE: 'on',
      CANCEL: 'on',
      REASSIGN_WAREHOUSE: 'on',
      ADD_NOTE: 'on',
      REVEAL: 'on',
      REDRIVE_DISPATCH: 'NOT_DEAD_LETTERED',
    });
  });

  it('says a cancellation is pending', () => {
    const cancel = allowedActionsForSubOrder('AGENT', sub('PICKING', { cancelRequested: true })).find(
      (a) => a.action === 'CANCEL',
    );
    expect(cancel).toMatchObject({ enabled: false, reasonCode: 'CANCEL_PENDING' });
  });

  it('disables everything but notes and reveal on a final sub-order', () => {
    const actions = allowedActionsForSubOrder('ADMIN', sub('DELIVERED'));
    expect(actions.filter((a) => a.enabled).map((a) => a.action)).toEqual(['ADD_NOTE', 'REVEAL']);
    expect(actions.find((a) => a.action === 'CANCEL')?.reason).toMatch(/DELIVERED/);
  });
});

describe('allowedActionsForOrder', () => {
  it('follows the order strand before the split', () => {
    const actions = allowedActionsForOrder('AGENT', {
      status: 'PENDING_PAYMENT',
      held: false,
      subOrders: [],
    });
    expect(summary(actions)).toEqual({ INTERCEPT: 'on', CANCEL: 'on', ADD_NOTE: 'on', REVEAL: 'on' });
  });

  it('enables cancel on a split order while one sub-order still can be', () => {
    const order = { status: 'SPLIT' as const, held: false, subOrders: [sub('SHIPPED'), sub('PACKED')] };
    expect(summary(allowedActionsForOrder('AGENT', order)).CANCEL).toBe('on');
  });

  it('disables cancel when no sub-order can be cancelled', () => {
    const order = { status: 'SPLIT' as const, held: false, subOrders: [sub('SHIPPED'), sub('DELIVERED')] };
    expect(summary(allowedActionsForOrder('AGENT', order)).CANCEL).toBe('NO_SUB_ORDER_ALLOWS');
  });

  it('refuses cancel on a closed order', () => {
    const actions = allowedActionsForOrder('MANAGER', { status: 'CLOSED', held: false, subOrders: [] });
    expect(summary(actions)).toMatchObject({ CANCEL: 'STATE_FORBIDS', RELEASE: 'NOT_HELD' });
  });
});

describe('allowedActionsForRefund', () => {
  const on = (role: 'AGENT' | 'OPS' | 'MANAGER', refund: RefundActionFacts) =>
    Object.fromEntries(
      allowedActionsForRefund(role, refund).map((a) => [a.action, a.enabled ? 'on' : a.reasonCode]),
    );

  it('lets ops send a failed refund again and a manager also settle it offline; an agent neither', () => {
    const failed = { status: 'FAILED', deliveryDeadLettered: false } as const;
    expect(on('AGENT', failed)).toEqual({});
    expect(on('OPS', failed)).toEqual({ RETRY_REFUND: 'on' });
    expect(on('MANAGER', failed)).toEqual({ RETRY_REFUND: 'on', SETTLE_REFUND_OFFLINE: 'on' });
  });

  it('holds both back while the channel has the refund, and offers them once its delivery is dead-lettered', () => {
    expect(on('MANAGER', { status: 'PENDING', deliveryDeadLettered: false })).toEqual({
      RETRY_REFUND: 'REFUND_IN_FLIGHT',
      SETTLE_REFUND_OFFLINE: 'REFUND_IN_FLIGHT',
    });
    expect(on('MANAGER', { status: 'PENDING', deliveryDeadLettered: true })).toEqual({
      RETRY_REFUND: 'on',
      SETTLE_REFUND_OFFLINE: 'on',
    });
    expect(on('MANAGER', { status: 'SUCCEEDED', deliveryDeadLettered: false })).toEqual({
      RETRY_REFUND: 'STATE_FORBIDS',
      SETTLE_REFUND_OFFLINE: 'STATE_FORBIDS',
    });
  });
});
