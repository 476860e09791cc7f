import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchPageDocument } from '@/gql/graphql';
import type { SearchMatchKind } from '@/gql/schema';
import { renderPage } from '@/testing/render';
import { SearchPage } from './SearchPage';

afterEach(cleanup);

function order(number: string) {
  return {
    __typename: 'Order' as const,
    id: `id-${number}`,
    number,
    status: 'PAID' as const,
    createdAt: '2024-03-01T01:00:00Z',
    receiver: { __typename: 'Receiver' as const, name: '张**', phone: '138****5678' },
  };
}

function search(query: string, kind: SearchMatchKind, numbers: string[], invalidOrderNumber = false) {
  return renderPage(<SearchPage />, {
    path: '/',
    url: `/?q=${encodeURIComponent(query)}`,
    mocks: [
      {
        request: { query: SearchPageDocument, variables: { query } },
        result: {
          data: {
            search: { __typename: 'SearchResult', kind, invalidOrderNumber, orders: numbers.map(order) },
          },
        },
      },
    ],
  });
}

describe('the search page', () => {
  it('goes straight to the order when one matches', async () => {
    search('2403011234567890', 'ORDER_NUMBER', ['2403011234567890']);
    expect((await screen.findByTestId('location')).textContent).toBe('/orders/2403011234567890');
  });

  it('opens the parent of a sub-order number, pointing at the sub-order', async () => {
    search('5403011234567891', 'SUB_ORDER_NUMBER', ['2403011234567890']);
    expect((await screen.findByTestId('location')).textContent).toBe(
      '/orders/2403011234567890?subOrder=5403011234567891',
    );
  });

  it('lists several matches with their masked receiver', async () => {
    search('13812345678', 'PHONE', ['2403011234567890', '2403021234567899']);
    const list = await screen.findByTestId('search-results');
    expect(list.querySelectorAll('a')).toHaveLength(2);
    expect(list.textContent).toContain('138****5678');
    expect(list.querySelector('a')?.getAttribute('href')).toBe('/orders/2403011234567890');
  });

  it('says a mistyped order number has a wrong check digit', async () => {
    search('2403011234567899', 'NONE', [], true);
    expect((await screen.findByTestId('search-message')).textContent).toBe('订单号校验位错误，请核对');
  });

  it('says clearly when nothing matched', async () => {
    search('SF000', 'NONE', []);
    expect((await screen.findByTestId('search-message')).textContent).toBe('没有找到与「SF000」匹配的订单。');
  });
});
