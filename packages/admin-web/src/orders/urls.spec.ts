import { describe, expect, it } from 'vitest';
import {
  currentCursor,
  nextPage,
  orderListFilter,
  orderListSearch,
  orderListUrl,
  orderUrl,
  parseOrderListSearch,
  previousPage,
  withFilter,
  type OrderListState,
} from './urls';

const full: OrderListState = {
  status: 'SPLIT',
  fulfilmentStatus: 'SHIPPED',
  warehouse: 'WH-SH-01',
  source: 'THIRD_PARTY',
  type: 'PRESALE',
  held: false,
  createdFrom: '2024-03-01',
  createdTo: '2024-03-31',
  cursors: ['abc==', 'd&e=f'],
};

describe('order list URL state', () => {
  it('round-trips every filter and the cursor stack', () => {
    expect(parseOrderListSearch(orderListSearch(full))).toEqual(full);
    expect(parseOrderListSearch(orderListSearch({ cursors: [] }))).toEqual({ cursors: [] });
    expect(parseOrderListSearch(orderListSearch({ held: true, cursors: [] }))).toEqual({
      held: true,
      cursors: [],
    });
  });

  it('gives equal URLs for equal states', () => {
    expect(orderListUrl(parseOrderListSearch('?type=NORMAL&status=PAID'))).toBe(
      '/orders?status=PAID&type=NORMAL',
    );
    expect(orderListUrl()).toBe('/orders');
  });

  it('drops values it does not know rather than guessing', () => {
    expect(
      parseOrderListSearch(
        'status=SHIPPED&fulfilmentStatus=paid&held=maybe&from=2024-02-30&to=yesterday&source=',
      ),
    ).toEqual({ cursors: [] });
  });

  it('starts paging over when a filter changes', () => {
    const changed = withFilter(full, 'status', 'PAID');
    expect(changed.status).toBe('PAID');
    expect(changed.cursors).toEqual([]);
    expect(withFilter(full, 'warehouse', undefined)).not.toHaveProperty('warehouse');
  });

  it('walks pages with a stack of cursors', () => {
    const first: OrderListState = { cursors: [] };
    expect(currentCursor(first)).toBeNull();
    const second = nextPage(first, 'c1');
    const third = nextPage(second, 'c2');
    expect(currentCursor(third)).toBe('c2');
    expect(previousPage(third)).toEqual(second);
    expect(currentCursor(previousPage(second))).toBeNull();
  });

  it('turns the state into the GraphQL filter, with Shanghai days as an end-exclusive range', () => {
    expect(orderListFilter(full)).toEqual({
      status: 'SPLIT',
      fulfilmentStatus: 'SHIPPED',
      warehouseCode: 'WH-SH-01',
      source: 'THIRD_PARTY',
      type: 'PRESALE',
      held: false,
      createdFrom: '2024-02-29T16:00:00.000Z',
      createdTo: '2024-03-31T16:00:00.000Z',
    });
    expect(orderListFilter({ cursors: ['x'] })).toEqual({});
  });
});

describe('orderUrl', () => {
  it('links to an order, optionally pointing at a sub-order', () => {
    expect(orderUrl('1234567890123456')).toBe('/orders/1234567890123456');
    expect(orderUrl('1234567890123456', '6543210987654321')).toBe(
      '/orders/1234567890123456?subOrder=6543210987654321',
    );
  });
});
