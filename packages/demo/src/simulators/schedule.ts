import { logger } from '@oms/server';

/** Timers of the demo simulators, so a shutdown can cancel what is still pending. */
export class Schedule {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** Runs `work` after `ms`; errors are reported, never thrown into the timer. */
  after(ms: number, work: () => Promise<unknown>): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work().catch((error: unknown) =>
        logger.warn({ err: error, component: 'simulator' }, 'simulator step failed'),
      );
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** A whole number in [min, max]. */
export function between(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** True with probability `p`. */
export function chance(p: number): boolean {
  return Math.random() < p;
}
