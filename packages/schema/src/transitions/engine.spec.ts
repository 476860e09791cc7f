import { describe, expect, it } from 'vitest';
import {
  InvalidTransitionError,
  assertTransition,
  canApply,
  classifyReport,
  nextEvents,
  targetOf,
} from './engine.js';

describe('nextEvents', () => {
  it('lists what the table allows from a state, before guards', () => {
    expect(nextEvents('ORDER', 'PENDING_PAYMENT')).toEqual([
      'PAY',
      'EXPIRE_PAYMENT_WINDOW',
      'CANCEL',
      'INTERCEPT',
    ]);
    expect(nextEvents('ORDER', 'SPLIT')).toEqual([]);
    expect(nextEvents('FULFILMENT', 'DELIVERED')).toEqual([]);
    expect(nextEvents('FULFILMENT', 'SHIPPED')).toEqual(['PARCEL_SIGNED', 'PARCEL_REJECTED', 'INTERCEPT']);
  });
});

describe('assertTransition', () => {
  it('returns the row when allowed', () => {
    const row = assertTransition('ORDER', 'PENDING_PAYMENT', 'PAY', { paymentsCoverPayable: true });
    expect(row.to).toBe('PAID');
  });

  it('refuses an event the state forbids, naming the current state', () => {
    const attempt = () => assertTransition('FULFILMENT', 'SHIPPED', 'CANCEL', { cancelRequested: false });
    expect(attempt).toThrow(InvalidTransitionError);
    expect(attempt).toThrow(/state SHIPPED/);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'SHIPPED', event: 'CANCEL' });
    }
  });

  it('refuses when a guard fails, naming the guard', () => {
    expect(() =>
      assertTransition('ORDER', 'PENDING_PAYMENT', 'PAY', { paymentsCoverPayable: false }),
    ).toThrow(/state PENDING_PAYMENT: requires that succeeded payments cover/);
  });

  it('treats a missing fact as a failed guard', () => {
    expect(canApply('ORDER', 'PAID', 'INTERCEPT')).toBe(false);
    expect(canApply('ORDER', 'PAID', 'INTERCEPT', { held: false })).toBe(true);
  });
});

describe('cancel semantics (docs/domain.md §3)', () => {
  it('cancels at once before any warehouse acknowledged the dispatch', () => {
    expect(assertTransition('FULFILMENT', 'CREATED', 'CANCEL').to).toBe('CANCELLED');
  });

  it('only requests a cancel at a warehouse, and refuses a second request', () => {
    const row = assertTransition('FULFILMENT', 'PICKING', 'CANCEL', { cancelRequested: false });
    expect(row.to).toBe('PICKING');
    expect(row.effects).toContain('REQUEST_WAREHOUSE_CANCEL');
    expect(canApply('FULFILMENT', 'PICKING', 'CANCEL', { cancelRequested: true })).toBe(false);
  });

  it('cancels on the warehouse confirmation only when one was requested', () => {
    expect(canApply('FULFILMENT', 'PACKED', 'CANCEL_CONFIRMED', { cancelRequested: true })).toBe(true);
    expect(canApply('FULFILMENT', 'PACKED', 'CANCEL_CONFIRMED', { cancelRequested: false })).toBe(false);
  });

  it('lets a SHIPPED report win over a pending cancel and clear it', () => {
    const row = assertTransition('FULFILMENT', 'PACKED', 'WMS_SHIPPED');
    expect(row.to).toBe('SHIPPED');
    expect(row.effects).toContain('CLEAR_CANCEL_REQUEST');
  });
});

describe('reassign (docs/domain.md §3)', () => {
  it('is allowed only before PICKING and restarts at the new warehouse', () => {
    const facts = { targetHasStock: true, cancelRequested: false };
    expect(assertTransition('FULFILMENT', 'ACCEPTED', 'REASSIGN_WAREHOUSE', facts).to).toBe('CREATED');
    expect(assertTransition('FULFILMENT', 'DISPATCHED', 'REASSIGN_WAREHOUSE', facts).effects).toContain(
      'WITHDRAW_FROM_WAREHOUSE',
    );
    expect(assertTransition('FULFILMENT', 'CREATED', 'REASSIGN_WAREHOUSE', facts).effects).not.toContain(
      'WITHDRAW_FROM_WAREHOUSE',
    );
    expect(() => assertTransition('FULFILMENT', 'PICKING', 'REASSIGN_WAREHOUSE', facts)).toThrow(
      /state PICKING/,
    );
  });

  it('needs stock at the target', () => {
    expect(() =>
      assertTransition('FULFILMENT', 'CREATED', 'REASSIGN_WAREHOUSE', {
        targetHasStock: false,
        cancelRequested: false,
      }),
    ).toThrow(/stock/);
  });
});

describe('classifyReport: warehouse callbacks are forward-only', () => {
  it.each([
    ['DISPATCHED', 'WMS_ACCEPTED', 'APPLY'],
    ['DISPATCHED', 'WMS_PACKED', 'APPLY'],
    ['ACCEPTED', 'WMS_ACCEPTED', 'REPEAT'],
    ['PACKED', 'WMS_PICKING', 'STALE'],
    ['SHIPPED', 'WMS_ACCEPTED', 'STALE'],
    ['CANCELLED', 'WMS_SHIPPED', 'STALE'],
    ['CANCELLED', 'CANCEL_CONFIRMED', 'REPEAT'],
  ] as const)('%s + %s → %s', (state, event, outcome) => {
    expect(classifyReport('FULFILMENT', state, event, { dispatchSent: true, cancelRequested: true })).toBe(
      outcome,
    );
  });

  it('accepts a callback that overtook the 2xx of its dispatch, not one for an unsent dispatch', () => {
    expect(classifyReport('FULFILMENT', 'CREATED', 'WMS_ACCEPTED', { dispatchSent: true })).toBe('APPLY');
    expect(classifyReport('FULFILMENT', 'CREATED', 'WMS_ACCEPTED', { dispatchSent: false })).toBe('STALE');
  });
});

describe('logistics nodes (docs/domain.md §7)', () => {
  it('move forward by rank only', () => {
    expect(classifyReport('LOGISTICS', 'COLLECTED', 'REPORT_OUT_FOR_DELIVERY')).toBe('APPLY');
    expect(classifyReport('LOGISTICS', 'OUT_FOR_DELIVERY', 'REPORT_IN_TRANSIT')).toBe('STALE');
    expect(classifyReport('LOGISTICS', 'IN_TRANSIT', 'REPORT_IN_TRANSIT')).toBe('REPEAT');
    expect(classifyReport('LOGISTICS', 'SIGNED', 'REPORT_EXCEPTION')).toBe('STALE');
  });

  it('leave EXCEPTION only for a node at or above the last normal one', () => {
    const facts = { lastNormalNode: 'OUT_FOR_DELIVERY' } as const;
    expect(canApply('LOGISTICS', 'EXCEPTION', 'REPORT_OUT_FOR_DELIVERY', facts)).toBe(true);
    expect(canApply('LOGISTICS', 'EXCEPTION', 'REPORT_SIGNED', facts)).toBe(true);
    expect(canApply('LOGISTICS', 'EXCEPTION', 'REPORT_IN_TRANSIT', facts)).toBe(false);
    expect(canApply('LOGISTICS', 'EXCEPTION', 'REPORT_COLLECTED', { lastNormalNode: null })).toBe(true);
  });

  it('follow the return leg after a rejection', () => {
    expect(canApply('LOGISTICS', 'REJECTED', 'REPORT_RETURNING')).toBe(true);
    expect(canApply('LOGISTICS', 'RETURNING', 'REPORT_RETURN_SIGNED')).toBe(true);
    expect(canApply('LOGISTICS', 'REJECTED', 'REPORT_SIGNED')).toBe(false);
  });

  it('has one target per report event', () => {
    expect(targetOf('LOGISTICS', 'REPORT_SIGNED')).toBe('SIGNED');
    expect(targetOf('FULFILMENT', 'WMS_SHIPPED')).toBe('SHIPPED');
    expect(targetOf('FULFILMENT', 'CANCEL')).toBeUndefined();
  });
});
