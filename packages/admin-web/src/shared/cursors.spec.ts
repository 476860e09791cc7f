import { describe, expect, it } from 'vitest';
import { pagerSteps } from './cursors';

interface ListState {
  readonly status?: string;
  readonly cursors: readonly string[];
}

describe('pagerSteps', () => {
  it('starts on page 1 with nowhere to go back to', () => {
    const steps = pagerSteps<ListState>(
      { status: 'PAID', cursors: [] },
      { hasNextPage: true, endCursor: 'c1' },
    );
    expect(steps.page).toBe(1);
    expect(steps.previous).toBeNull();
    expect(steps.next).toEqual({ status: 'PAID', cursors: ['c1'] });
  });

  it('goes back by popping the last cursor and on by pushing the end cursor, keeping the rest of the state', () => {
    const steps = pagerSteps<ListState>(
      { status: 'PAID', cursors: ['c1', 'c2'] },
      { hasNextPage: true, endCursor: 'c3' },
    );
    expect(steps.page).toBe(3);
    expect(steps.previous).toEqual({ status: 'PAID', cursors: ['c1'] });
    expect(steps.next).toEqual({ status: 'PAID', cursors: ['c1', 'c2', 'c3'] });
  });

  it('offers no next page on the last page, before the server answered, or without an end cursor', () => {
    const state: ListState = { cursors: ['c1'] };
    expect(pagerSteps(state, { hasNextPage: false, endCursor: 'c2' }).next).toBeNull();
    expect(pagerSteps(state, undefined).next).toBeNull();
    expect(pagerSteps(state, { hasNextPage: true, endCursor: null }).next).toBeNull();
    expect(pagerSteps(state, undefined).previous).toEqual({ cursors: [] });
  });
});
