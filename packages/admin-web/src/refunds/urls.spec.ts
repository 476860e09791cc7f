import { describe, expect, it } from 'vitest';
import { parseRefundsSearch, refundsUrl } from './urls';

describe('failed refunds URL state', () => {
  it('round-trips the stack of cursors, and drops empty ones', () => {
    const state = { cursors: ['1709254800000.41', 'a=b'] };
    const url = refundsUrl(state);
    expect(url).toBe('/refunds?cursor=1709254800000.41&cursor=a%3Db');
    expect(parseRefundsSearch(url.split('?')[1]!)).toEqual(state);
    expect(refundsUrl()).toBe('/refunds');
    expect(parseRefundsSearch('cursor=&other=1')).toEqual({ cursors: [] });
  });
});
