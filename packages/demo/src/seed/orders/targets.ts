import type { LogisticsNode } from '@oms/schema';
import type { Rng } from './random.js';
import type { SubTarget } from './walk.js';

export const HOURS = 60;
export const DAYS = 24 * HOURS;

/** A parcel still on its way: mostly in transit, some just collected, some out for delivery. */
export function onTheWay(rng: Rng): LogisticsNode {
  return rng.weighted([
    ['COLLECTED', 2],
    ['IN_TRANSIT', 5],
    ['OUT_FOR_DELIVERY', 2],
  ] as const);
}

/** One or (now and then) two parcels. */
export function parcels(rng: Rng): 1 | 2 {
  return rng.chance(0.2) ? 2 : 1;
}

/**
 * Where a sub-order of an order placed `ageMinutes` ago has typically got to: at the warehouse in the first hours,
 * on the road for a few days, delivered after that. Stories that do not care about fulfilment use it so the
 * timeline never squeezes a week of logistics into an hour.
 */
export function byAge(rng: Rng, ageMinutes: number): SubTarget {
  if (ageMinutes < 90) return { status: rng.pick(['DISPATCHED', 'ACCEPTED'] as const) };
  if (ageMinutes < 10 * HOURS) return { status: rng.pick(['PICKING', 'PACKED', 'PACKED'] as const) };
  if (ageMinutes < 4 * DAYS) return { status: 'SHIPPED', node: onTheWay(rng), parcels: parcels(rng) };
  return { status: 'DELIVERED', parcels: parcels(rng), exception: rng.chance(0.05) };
}
