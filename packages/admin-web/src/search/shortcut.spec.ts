import { afterEach, describe, expect, it, vi } from 'vitest';
import { installSearchShortcut, isSearchShortcut, registerSearchBox } from './shortcut';

const press = (init: KeyboardEventInit) =>
  window.dispatchEvent(new KeyboardEvent('keydown', { ...init, cancelable: true }));

describe('the Ctrl/⌘+K shortcut', () => {
  let uninstall: () => void = () => undefined;
  afterEach(() => uninstall());

  it('is Ctrl+K or ⌘+K, and nothing else', () => {
    expect(isSearchShortcut(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(new KeyboardEvent('keydown', { key: 'K', metaKey: true }))).toBe(true);
    expect(isSearchShortcut(new KeyboardEvent('keydown', { key: 'k' }))).toBe(false);
    expect(isSearchShortcut(new KeyboardEvent('keydown', { key: 'j', ctrlKey: true }))).toBe(false);
  });

  it('focuses the mounted search box', () => {
    uninstall = installSearchShortcut(window);
    const focus = vi.fn();
    const unregister = registerSearchBox(focus);
    press({ key: 'k', ctrlKey: true });
    expect(focus).toHaveBeenCalledTimes(1);
    unregister();
    press({ key: 'k', ctrlKey: true });
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('is not lost when pressed before the search box mounts', () => {
    uninstall = installSearchShortcut(window);
    press({ key: 'k', metaKey: true });
    const focus = vi.fn();
    const unregister = registerSearchBox(focus);
    expect(focus).toHaveBeenCalledTimes(1);
    unregister();
  });
});
