import { describe, expect, it } from 'vitest';
import { currentCursor, nextPage, previousPage } from '@/shared/cursors';
import {
  parseQueueSearch,
  queueFilter,
  queueSearch,
  queueUrl,
  withQueueFilter,
  type QueueState,
} from './urls';

const full: QueueState = {
  status: 'RELEASED',
  rule: 'QUANTITY_LIMIT',
  warehouse: 'WH-SH-01',
  minAmountFen: 50_050,
  cursors: ['abc==', 'd&e=f'],
};

describe('interception queue URL state', () => {
  it('round-trips every filter and the cursor stack', () => {
    expect(parseQueueSearch(queueSearch(full))).toEqual(full);
    expect(parseQueueSearch(queueSearch({ cursors: [] }))).toEqual({ cursors: [] });
    expect(parseQueueSearch(queueSearch({ minAmountFen: 0, cursors: [] }))).toEqual({
      minAmountFen: 0,
      cursors: [],
    });
  });

  it('writes the minimum amount in yuan, and equal states as equal URLs', () => {
    expect(queueUrl(full)).toBe(
      '/interceptions?status=RELEASED&rule=QUANTITY_LIMIT&warehouse=WH-SH-01&min=500.50&cursor=abc%3D%3D&cursor=d%26e%3Df',
    );
    expect(queueUrl(parseQueueSearch('?rule=BLACKLIST&status=ACTIVE'))).toBe(
      '/interceptions?status=ACTIVE&rule=BLACKLIST',
    );
    expect(queueUrl()).toBe('/interceptions');
  });

  it('drops values it does not know rather than guessing', () => {
    expect(parseQueueSearch('status=OPEN&rule=manual&min=-3&warehouse=%20')).toEqual({ cursors: [] });
    expect(parseQueueSearch('min=1.234')).toEqual({ cursors: [] });
  });

  it('starts paging over when a filter changes, and walks pages with a stack of cursors', () => {
    const changed = withQueueFilter(full, 'rule', 'BLACKLIST');
    expect(changed).toMatchObject({ rule: 'BLACKLIST', cursors: [] });
    expect(withQueueFilter(full, 'minAmountFen', undefined)).not.toHaveProperty('minAmountFen');
    const second = nextPage({ cursors: [] } as QueueState, 'c1');
    expect(currentCursor(second)).toBe('c1');
    expect(currentCursor(previousPage(second))).toBeNull();
  });

  it('turns the state into the GraphQL filter', () => {
    expect(queueFilter(full)).toEqual({
      status: 'RELEASED',
      rule: 'QUANTITY_LIMIT',
      warehouseCode: 'WH-SH-01',
      minAmountFen: 50_050,
    });
    expect(queueFilter({ cursors: ['x'] })).toEqual({});
  });
});
