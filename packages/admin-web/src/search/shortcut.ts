/** True for Ctrl+K, or ⌘+K on a Mac. */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
}

let focusSearchBox: (() => void) | null = null;
let pending = false;

/** Asks for the search box to be focused: now if it is on the page, else as soon as it mounts. */
export function requestSearchFocus(): void {
  if (focusSearchBox) focusSearchBox();
  else pending = true;
}

/**
 * Listens for Ctrl/⌘+K on the whole page. Installed before the first render, so a shortcut pressed while the
 * console is still starting (checking the session) is not lost.
 */
export function installSearchShortcut(target: Window): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isSearchShortcut(event)) return;
    event.preventDefault();
    requestSearchFocus();
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}

/** Called by the search box when it mounts; returns its unregistration. */
export function registerSearchBox(focus: () => void): () => void {
  focusSearchBox = focus;
  if (pending) {
    pending = false;
    focus();
  }
  return () => {
    if (focusSearchBox === focus) focusSearchBox = null;
  };
}
