import { useRef } from 'react';

/**
 * A fresh idempotency key (docs/api.md: a retry with the same key returns the first result and changes nothing more).
 * Built from `crypto.getRandomValues`, which, unlike `randomUUID`, also exists outside secure contexts.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Keys for the changes one dialog asks for: the same input gets the same key for as long as the dialog lives (a
 * double click, or a retry after a lost answer, changes nothing more), other input a new key (the server refuses a
 * key reused with other input, and frees the key of a call that failed).
 */
export function useIdempotencyKey(): (input: unknown) => string {
  const keys = useRef(new Map<string, string>());
  return (input) => {
    const text = JSON.stringify(input);
    let key = keys.current.get(text);
    if (!key) {
      key = newIdempotencyKey();
      keys.current.set(text, key);
    }
    return key;
  };
}
