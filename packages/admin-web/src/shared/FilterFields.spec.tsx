import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '@/testing/render';
import { hasFilter, SelectFilter } from './FilterFields';

afterEach(cleanup);

describe('the filter fields', () => {
  it('count a list as filtered by anything but its paging', () => {
    expect(hasFilter({ cursors: ['c1'] })).toBe(false);
    expect(hasFilter({ cursors: [], warehouse: 'SH01' } as { cursors: string[] })).toBe(true);
  });

  it('offer "any" first and hand on undefined for it', () => {
    const onChange = vi.fn();
    renderPage(
      <SelectFilter
        id="f"
        label="仓库"
        value="SH01"
        onChange={onChange}
        options={[
          { value: 'SH01', label: '上海一号仓 (SH01)' },
          { value: 'BJ01', label: '北京一号仓 (BJ01)' },
        ]}
      />,
      { path: '/', url: '/' },
    );
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '仓库' }));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['全部', '上海一号仓 (SH01)', '北京一号仓 (BJ01)']);
    fireEvent.click(options[2]!);
    expect(onChange).toHaveBeenLastCalledWith('BJ01');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '仓库' }));
    fireEvent.click(within(screen.getByRole('listbox')).getAllByRole('option')[0]!);
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});
