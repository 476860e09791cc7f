import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage } from '@/testing/render';
import { useUrlState } from './useUrlState';

afterEach(cleanup);

interface PageState {
  readonly page: number;
}
const parse = (search: string): PageState => ({ page: Number(new URLSearchParams(search).get('page') ?? 1) });
const urlOf = (state: PageState) => `/list?page=${state.page}`;

function Pager() {
  const [state, go] = useUrlState(parse, urlOf);
  return (
    <button type="button" onClick={() => go({ page: state.page + 1 })}>
      page {state.page}
    </button>
  );
}

describe('useUrlState', () => {
  it('reads the state from the URL and changes it by going to the next state’s URL', async () => {
    renderPage(<Pager />, { path: '/list', url: '/list?page=2' });
    fireEvent.click(screen.getByRole('button', { name: 'page 2' }));
    expect(await screen.findByRole('button', { name: 'page 3' })).toBeTruthy();
  });
});
