import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '@/testing/render';
import { SelectionToolbar } from './SelectionToolbar';

afterEach(cleanup);

function renderToolbar(count: number, onClear = vi.fn()) {
  renderPage(
    <SelectionToolbar
      label="批量处理"
      count={count}
      countText={`已选 ${count} 条`}
      countTestId="selected"
      onClear={onClear}
    >
      <button type="button">放行</button>
    </SelectionToolbar>,
    { path: '/', url: '/' },
  );
  return within(screen.getByRole('toolbar', { name: '批量处理' }));
}

describe('SelectionToolbar', () => {
  it('says how many are selected, politely, beside the actions, with nothing to clear yet', () => {
    const toolbar = renderToolbar(0);
    expect(toolbar.getByTestId('selected').getAttribute('aria-live')).toBe('polite');
    expect(toolbar.getAllByRole('button').map((b) => b.textContent)).toEqual(['放行']);
  });

  it('offers to clear the selection once there is one', () => {
    const onClear = vi.fn();
    const toolbar = renderToolbar(2, onClear);
    expect(toolbar.getByTestId('selected').textContent).toBe('已选 2 条');
    fireEvent.click(toolbar.getByRole('button', { name: '清除选择' }));
    expect(onClear).toHaveBeenCalled();
  });
});
