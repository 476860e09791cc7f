import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '@/testing/render';
import { ListTableBody } from './ListTableBody';

afterEach(cleanup);

function renderBody(props: Partial<ComponentProps<typeof ListTableBody>>) {
  const onRetry = vi.fn();
  renderPage(
    <table>
      <ListTableBody
        rows={undefined}
        loading={false}
        columns={3}
        skeletonRows={2}
        error={undefined}
        onRetry={onRetry}
        empty={<p>没有数据</p>}
        {...props}
      />
    </table>,
    { path: '/', url: '/' },
  );
  return { onRetry, rows: () => [...document.querySelectorAll('tbody > tr')] };
}

describe('ListTableBody', () => {
  it('shows skeleton rows, hidden from screen readers, until the first page arrives', () => {
    const { rows } = renderBody({ loading: true });
    expect(rows()).toHaveLength(2);
    expect(rows().every((r) => r.getAttribute('aria-hidden') === 'true' && r.children.length === 3)).toBe(
      true,
    );
  });

  it('says why there are no rows across every column: the error with a retry, else the empty state', () => {
    const failed = renderBody({ rows: [], error: new Error('boom') });
    expect(failed.rows()[0]!.querySelector('td')!.getAttribute('colspan')).toBe('3');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(failed.onRetry).toHaveBeenCalled();
    cleanup();
    renderBody({ rows: [] });
    expect(screen.getByText('没有数据')).toBeTruthy();
  });

  it('shows the rows once there are some, even while the next page loads', () => {
    const { rows } = renderBody({
      loading: true,
      rows: [
        <tr key="a">
          <td>a</td>
        </tr>,
      ],
    });
    expect(rows().map((r) => r.textContent)).toEqual(['a']);
  });
});
