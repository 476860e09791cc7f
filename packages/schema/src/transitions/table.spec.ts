import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GUARDS } from './guards.js';
import { EFFECT_NAMES, STRAND_DEFINITIONS, STRANDS, TRANSITIONS, type Strand } from './table.js';

function rowsOf(strand: Strand) {
  return TRANSITIONS.filter((row) => row.strand === strand);
}

describe.each(STRANDS.map((s) => [s]))('the %s strand graph', (strand) => {
  const def = STRAND_DEFINITIONS[strand];
  const rows = rowsOf(strand);
  const states = def.states as readonly string[];

  it('uses only its own states and events', () => {
    for (const row of rows) {
      expect(states).toContain(row.from);
      expect(states).toContain(row.to);
      expect(def.events as readonly string[]).toContain(row.event);
    }
  });

  it('reaches every state from its initial states', () => {
    const reached = new Set<string>(def.initial);
    for (let grew = true; grew;) {
      grew = false;
      for (const row of rows) {
        if (reached.has(row.from) && !reached.has(row.to)) {
          reached.add(row.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...states].sort());
  });

  it('has no exit from a final state, and an exit from every other state', () => {
    for (const state of states) {
      const exits = rows.filter((row) => row.from === state);
      if ((def.finals as readonly string[]).includes(state)) expect(exits, state).toEqual([]);
      else expect(exits.length, `${state} has no exit`).toBeGreaterThan(0);
    }
  });

  it('has no ambiguous event: one row per (state, event)', () => {
    const keys = rows.map((row) => `${row.from}|${row.event}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses every event it declares', () => {
    const used = new Set<string>(rows.map((row) => row.event));
    expect([...(def.events as readonly string[])].filter((e) => !used.has(e))).toEqual([]);
  });

  it('lets someone trigger every row, and gives each staff event one permission', () => {
    for (const row of rows) expect(row.permission !== undefined || row.actors.length > 0).toBe(true);
    const byEvent = new Map<string, Set<string | undefined>>();
    for (const row of rows.filter((r) => r.permission)) {
      byEvent.set(row.event, (byEvent.get(row.event) ?? new Set()).add(row.permission));
    }
    for (const [event, permissions] of byEvent) expect(permissions.size, event).toBe(1);
  });
});

describe('the whole table', () => {
  it('names only defined guards', () => {
    for (const row of TRANSITIONS) for (const guard of row.guards) expect(GUARDS[guard]).toBeDefined();
  });

  it('never lets a random walk leave a strand or pass a final state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRANDS),
        fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        (strand, choices) => {
          const def = STRAND_DEFINITIONS[strand];
          let state: string = def.initial[choices[0]! % def.initial.length]!;
          for (const choice of choices) {
            const exits = rowsOf(strand).filter((row) => row.from === state);
            if (exits.length === 0) {
              expect(def.finals as readonly string[]).toContain(state);
              return;
            }
            state = exits[choice % exits.length]!.to;
            expect(def.states as readonly string[]).toContain(state);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('effects', () => {
  it('names only effects some row asks for, and every row names only known effects (the server has one handler each)', () => {
    const named = new Set(TRANSITIONS.flatMap((row) => row.effects));
    expect([...named].sort()).toEqual([...EFFECT_NAMES].sort());
  });
});
