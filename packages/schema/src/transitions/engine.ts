import { GUARDS, type TransitionFacts } from './guards.js';
import {
  TRANSITIONS,
  type GuardName,
  type Strand,
  type StrandEvents,
  type StrandStates,
  type TransitionRow,
} from './table.js';

const STRAND_NOUN: Readonly<Record<Strand, string>> = {
  ORDER: 'an order',
  FULFILMENT: 'a sub-order',
  LOGISTICS: 'a shipment',
  INTERCEPTION: 'an interception',
  REFUND: 'a refund',
};

/** Refusal of a transition the table does not allow; names the current state (docs/api.md `INVALID_TRANSITION`). */
export class InvalidTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly strand: Strand,
    readonly currentState: string,
    readonly event: string,
    readonly failedGuard?: GuardName,
  ) {
    super(
      failedGuard
        ? `Cannot ${event} ${STRAND_NOUN[strand]} in state ${currentState}: requires that ${GUARDS[failedGuard].description}`
        : `Cannot ${event} ${STRAND_NOUN[strand]} in state ${currentState}`,
    );
    this.name = 'InvalidTransitionError';
  }
}

const INDEX = new Map<string, TransitionRow>();
for (const row of TRANSITIONS) INDEX.set(`${row.strand}|${row.from}|${row.event}`, row);

/** The row for `event` from `state`, or undefined when the table has none. */
export function findTransition<S extends Strand>(
  strand: S,
  state: StrandStates[S],
  event: StrandEvents[S],
): TransitionRow<S> | undefined {
  return INDEX.get(`${strand}|${state}|${event}`) as TransitionRow<S> | undefined;
}

/** The events the table allows from `state`, before guards, in table order. */
export function nextEvents<S extends Strand>(strand: S, state: StrandStates[S]): StrandEvents[S][] {
  return TRANSITIONS.filter((row) => row.strand === strand && row.from === state).map(
    (row) => row.event as StrandEvents[S],
  );
}

/** The outcome of checking one transition: its row, or why not. */
export type TransitionCheck<S extends Strand> =
  | { ok: true; row: TransitionRow<S> }
  | { ok: false; reason: 'NO_TRANSITION' }
  | { ok: false; reason: 'GUARD_FAILED'; guard: GuardName };

/** Checks `event` from `state` against the table and, given facts, its guards. */
export function checkTransition<S extends Strand>(
  strand: S,
  state: StrandStates[S],
  event: StrandEvents[S],
  facts: TransitionFacts = {},
): TransitionCheck<S> {
  const row = findTransition(strand, state, event);
  if (!row) return { ok: false, reason: 'NO_TRANSITION' };
  const failed = row.guards.find((guard) => !GUARDS[guard].holds(facts, row));
  return failed ? { ok: false, reason: 'GUARD_FAILED', guard: failed } : { ok: true, row };
}

/** True when the table allows `event` from `state` and every guard holds on `facts`. */
export function canApply<S extends Strand>(
  strand: S,
  state: StrandStates[S],
  event: StrandEvents[S],
  facts: TransitionFacts = {},
): boolean {
  return checkTransition(strand, state, event, facts).ok;
}

/** Returns the row for `event` from `state`, or throws `InvalidTransitionError` naming the current state. */
export function assertTransition<S extends Strand>(
  strand: S,
  state: StrandStates[S],
  event: StrandEvents[S],
  facts: TransitionFacts = {},
): TransitionRow<S> {
  const check = checkTransition(strand, state, event, facts);
  if (check.ok) return check.row;
  throw new InvalidTransitionError(
    strand,
    state,
    event,
    check.reason === 'GUARD_FAILED' ? check.guard : undefined,
  );
}

/** The state an event always leads to, when every row of it agrees (reports), else undefined. */
export function targetOf<S extends Strand>(strand: S, event: StrandEvents[S]): StrandStates[S] | undefined {
  const targets = new Set(
    TRANSITIONS.filter((r) => r.strand === strand && r.event === event).map((r) => r.to),
  );
  return targets.size === 1 ? ([...targets][0] as StrandStates[S]) : undefined;
}

/**
 * How to treat a report from a warehouse or carrier (docs/reliability.md): `APPLY` it, a `REPEAT` of what already
 * happened (a no-op success), or `STALE` (arrived late or out of order: stored and noted, never applied).
 */
export type ReportOutcome = 'APPLY' | 'REPEAT' | 'STALE';

/** Classifies a forward-only report against the current state. */
export function classifyReport<S extends Strand>(
  strand: S,
  state: StrandStates[S],
  event: StrandEvents[S],
  facts: TransitionFacts = {},
): ReportOutcome {
  if (targetOf(strand, event) === state) return 'REPEAT';
  return canApply(strand, state, event, facts) ? 'APPLY' : 'STALE';
}
