import { CONSOLE_OPERATIONS } from '@oms/schema';
import { describe, expect, it } from 'vitest';

// Every .graphql document of the console, as text (Vite reads them at test time).
const documents = import.meta.glob('../**/*.graphql', { query: '?raw', import: 'default', eager: true });

describe("the console's operations", () => {
  it('are the names the server takes as metric labels (packages/schema CONSOLE_OPERATIONS), no more, no less', () => {
    const names = Object.values(documents)
      .flatMap((text) => [...String(text).matchAll(/^(?:query|mutation|subscription)\s+(\w+)/gm)])
      .map((match) => match[1]!)
      .sort();
    expect(names.length).toBeGreaterThan(20);
    expect(names).toEqual([...CONSOLE_OPERATIONS].sort());
  });
});
