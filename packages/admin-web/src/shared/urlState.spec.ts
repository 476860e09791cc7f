import { describe, expect, it } from 'vitest';
import { oneOf, withFilterValue } from './urlState';

interface ListState {
  readonly status?: 'PAID' | 'SPLIT';
  readonly warehouse?: string;
  readonly cursors: readonly string[];
}

describe('list URL state', () => {
  it('keeps a parameter only when it is one of the known values', () => {
    expect(oneOf(['PAID', 'SPLIT'], 'PAID')).toBe('PAID');
    expect(oneOf(['PAID', 'SPLIT'], 'paid')).toBeUndefined();
    expect(oneOf(['PAID', 'SPLIT'], null)).toBeUndefined();
  });

  it('changes one filter, starts paging over, and drops a filter set to nothing', () => {
    const state: ListState = { status: 'PAID', warehouse: 'SH01', cursors: ['c1', 'c2'] };
    expect(withFilterValue(state, 'status', 'SPLIT')).toEqual({
      status: 'SPLIT',
      warehouse: 'SH01',
      cursors: [],
    });
    expect(withFilterValue(state, 'warehouse', undefined)).toEqual({ status: 'PAID', cursors: [] });
    expect(withFilterValue(state, 'warehouse', '')).toEqual({ status: 'PAID', cursors: [] });
    expect(state.cursors).toEqual(['c1', 'c2']);
  });
});
