import { MINUTE } from './clock.js';
import type { SeedContext } from './context.js';
import { journey, type JourneyPlan } from './journey.js';
import type { OrderDraft, SubOrderDraft } from './model.js';
import { DAYS, HOURS } from './targets.js';
import type { SubTarget } from './walk.js';

/**
 * One kind of story the demo tells (docs/api.md "Demo mode", docs/domain.md §3–§9): how often it is told (`weight`, relative),
 * how long ago its order was placed (`age`, minutes), and how to build it.
 */
export interface Scenario {
  readonly name: string;
  readonly weight: number;
  readonly age: (ctx: SeedContext) => readonly [number, number];
  readonly build: (ctx: SeedContext, createdAt: number) => OrderDraft[];
  /** How many orders one telling makes (1 unless said). */
  readonly size?: (ctx: SeedContext) => number;
}

export const ageOf = (ctx: SeedContext, createdAt: number) => (ctx.now - createdAt) / MINUTE;

/** A one-order story that ends before the split. */
export function unsplit(
  name: string,
  weight: number,
  age: (ctx: SeedContext) => readonly [number, number],
  plan: Pick<JourneyPlan, 'end' | 'prepayHold' | 'refundTrouble'>,
): Scenario {
  return { name, weight, age, build: (ctx, at) => [journey(ctx, at, { basket: 'everyday', ...plan })] };
}

/** A one-order story of a split order whose sub-orders aim at `target`. */
export function split(
  name: string,
  weight: number,
  age: readonly [number, number],
  target: (ctx: SeedContext, ageMinutes: number, sub: SubOrderDraft) => SubTarget,
  plan: Partial<JourneyPlan> = {},
): Scenario {
  return {
    name,
    weight,
    age: () => age,
    build: (ctx, at) => [
      journey(ctx, at, {
        basket: 'everyday',
        end: 'SPLIT',
        target: (sub) => target(ctx, ageOf(ctx, at), sub),
        ...plan,
      }),
    ],
  };
}

/** How long ago a hold story's order was placed: ACTIVE ones inside the rollback period, EXPIRED ones past it. */
export function holdAge(ctx: SeedContext, outcome: string): readonly [number, number] {
  if (outcome === 'ACTIVE') return [2, ctx.rollbackMinutes - 4];
  if (outcome === 'EXPIRED') return [ctx.rollbackMinutes + 10, 20 * DAYS];
  return [HOURS, 25 * DAYS];
}
