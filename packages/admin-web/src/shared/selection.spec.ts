import { describe, expect, it } from 'vitest';
import { toggled, toggledEntry } from './selection';

describe('toggling a selection', () => {
  it('puts a key in a set or takes it out, leaving the original alone', () => {
    const start: ReadonlySet<string> = new Set(['a']);
    expect([...toggled(start, 'b')]).toEqual(['a', 'b']);
    expect([...toggled(start, 'a')]).toEqual([]);
    expect([...start]).toEqual(['a']);
  });

  it('sets an entry of a map or takes it out, leaving the original alone', () => {
    const start: ReadonlyMap<string, number> = new Map([['a', 1]]);
    expect([...toggledEntry(start, 'b', 2)]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect([...toggledEntry(start, 'a', 9)]).toEqual([]);
    expect([...start]).toEqual([['a', 1]]);
  });
});
