import type { ApolloClient } from '@apollo/client';
import { describe, expect, it, vi } from 'vitest';
import { OrderDetailPageDocument } from '@/gql/graphql';
import { prefetchOrderPage } from '@/orders';

function fakeClient() {
  const query = vi.fn(() => Promise.resolve({ data: null }));
  return { client: { query } as unknown as ApolloClient, query };
}

describe('prefetchOrderPage', () => {
  it("asks for the order page's data when the console starts on an order's page", async () => {
    const { client, query } = fakeClient();
    prefetchOrderPage(client, '/orders/1234567890123456');
    await vi.waitFor(() => expect(query).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(query).toHaveBeenCalledWith(
      expect.objectContaining({ query: OrderDetailPageDocument, variables: { number: '1234567890123456' } }),
    );
  });

  it('asks for nothing on any other page', async () => {
    const { client, query } = fakeClient();
    for (const path of ['/', '/orders', '/interceptions', '/orders/1234567890123456/extra'])
      prefetchOrderPage(client, path);
    // The detail page's module would have loaded by now had any of them matched.
    await import('./detail/OrderDetailPage');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(query).not.toHaveBeenCalled();
  });
});
