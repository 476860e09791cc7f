import type { Rng } from './random.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

/**
 * How busy each Asia/Shanghai hour is for online orders (relative): a morning peak around 10:00, a lull after
 * lunch, and the evening peak 20:00–22:00 that every Chinese storefront sees; almost nothing at 04:00.
 */
const HOUR_WEIGHTS = [
  0.35, 0.15, 0.08, 0.05, 0.04, 0.05, 0.12, 0.3, 0.55, 0.8, 1, 0.95, 0.8, 0.75, 0.85, 0.9, 0.85, 0.7, 0.65,
  0.8, 1, 1, 0.85, 0.6,
];

/** The Asia/Shanghai hour (0–23) of an instant. */
export function shanghaiHour(ms: number): number {
  return Math.floor(((((ms + SHANGHAI_OFFSET) % DAY) + DAY) % DAY) / HOUR);
}

/**
 * A moment `minAgeMinutes`…`maxAgeMinutes` before `now`, weighted by the Shanghai hour (rejection sampling; after
 * a few misses in a narrow night-time window it takes what it has, so short windows stay cheap).
 */
export function pickTime(rng: Rng, now: number, minAgeMinutes: number, maxAgeMinutes: number): number {
  let candidate = now - minAgeMinutes * MINUTE;
  for (let attempt = 0; attempt < 30; attempt++) {
    candidate = now - rng.between(minAgeMinutes, maxAgeMinutes) * MINUTE;
    if (rng.next() < HOUR_WEIGHTS[shanghaiHour(candidate)]!) break;
  }
  return Math.floor(candidate);
}

/**
 * The time line of one story (an order, or one sub-order's fulfilment). Steps move it forward by a realistic
 * duration; a step that would pass `limit` (a little before "now") only goes part of the way there, so every
 * story ends in the past however long its steps are, and timestamps still strictly increase.
 */
export class StoryClock {
  constructor(
    private t: number,
    private readonly limit: number,
    private readonly rng: Rng,
  ) {}

  get now(): Date {
    return new Date(this.t);
  }

  get ms(): number {
    return this.t;
  }

  /** Moves on by `minMinutes`…`maxMinutes` (compressed near the limit) and returns the new time. */
  advance(minMinutes: number, maxMinutes: number): Date {
    const wanted = this.t + this.rng.between(minMinutes, maxMinutes) * MINUTE;
    const room = this.limit - this.t;
    this.t = wanted < this.limit ? wanted : this.t + Math.max(1, room * this.rng.between(0.2, 0.5));
    this.t = Math.floor(this.t) + 1;
    return this.now;
  }

  /** Moves to `ms` when that is later (used to wait for another strand, e.g. a manager's decision). */
  waitUntil(ms: number): Date {
    if (ms > this.t) this.t = Math.min(ms, this.limit - 1);
    this.t += 1;
    return this.now;
  }

  /** An independent clock from the current time (each sub-order walks on its own). */
  fork(): StoryClock {
    return new StoryClock(this.t, this.limit, this.rng);
  }
}

/** `yyMMdd` of an instant in Asia/Shanghai (external ids, transaction serials). */
export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET).toISOString().slice(2, 10).replaceAll('-', '');
}
