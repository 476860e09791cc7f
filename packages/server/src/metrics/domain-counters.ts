import { Counter } from 'prom-client';

/**
 * Counters the domain code records into wherever it runs (an API request, a webhook, a worker job); each process's
 * /metrics registry (http/metrics.ts) exposes them. Kept here, outside http/, so services need not import the web
 * layer.
 */
export const domainCounters = {
  /**
   * Status changes by strand, counted when the guarded write succeeds; a transaction rolled back after that (rare:
   * a later step failing) is still counted.
   */
  transitions: new Counter({
    name: 'oms_transitions_total',
    help: 'Status transitions applied, by strand and from/to status',
    labelNames: ['strand', 'from', 'to'] as const,
    registers: [],
  }),
};

/** Plain tallies of this process, exposed as gauges. */
export const processTallies = {
  /** Outbox messages this process dead-lettered since it started. */
  deadLetters: 0,
};

/** Records one applied transition of `strand`. */
export function countTransition(strand: string, from: string, to: string): void {
  domainCounters.transitions.inc({ strand, from, to });
}

/** Records one outbox message dead-lettered after its last attempt. */
export function countDeadLetter(): void {
  processTallies.deadLetters += 1;
}
