import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '@/testing/render';
import { CursorPager } from './CursorPager';

afterEach(cleanup);

describe('CursorPager', () => {
  it('shows the page number and hands the whole next or previous state to onPage', () => {
    const onPage = vi.fn();
    renderPage(
      <CursorPager
        state={{ status: 'PAID', cursors: ['c1'] }}
        pageInfo={{ hasNextPage: true, endCursor: 'c2' }}
        onPage={onPage}
        label="分页"
        nextTestId="next"
      />,
      { path: '/', url: '/' },
    );
    const nav = screen.getByRole('navigation', { name: '分页' });
    expect(within(nav).getByText('第 2 页').getAttribute('aria-live')).toBe('polite');
    fireEvent.click(screen.getByTestId('next'));
    expect(onPage).toHaveBeenLastCalledWith({ status: 'PAID', cursors: ['c1', 'c2'] });
    fireEvent.click(within(nav).getByRole('button', { name: '上一页' }));
    expect(onPage).toHaveBeenLastCalledWith({ status: 'PAID', cursors: [] });
  });

  it('disables the steps there are none for', () => {
    renderPage(
      <CursorPager
        state={{ cursors: [] }}
        pageInfo={{ hasNextPage: false, endCursor: 'c1' }}
        onPage={() => undefined}
        label="分页"
        announcePage={false}
      />,
      { path: '/', url: '/' },
    );
    expect(screen.getByRole('button', { name: '上一页' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: '下一页' })).toHaveProperty('disabled', true);
    expect(screen.getByText('第 1 页').getAttribute('aria-live')).toBeNull();
  });
});
