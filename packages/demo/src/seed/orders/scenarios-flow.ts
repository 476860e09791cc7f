import type { FulfilmentStatus } from '@oms/schema';
import type { BasketKind } from './baskets.js';
import { journey } from './journey.js';
import { split, unsplit, type Scenario } from './scenario-kit.js';
import { byAge, DAYS, HOURS, onTheWay, parcels } from './targets.js';

const MULTI: readonly BasketKind[] = ['cold', 'oversize', 'presaleMix', 'merchantMix', 'coldOnly'];
const AT_WAREHOUSE: readonly FulfilmentStatus[] = ['DISPATCHED', 'ACCEPTED', 'PICKING'];

/** The ordinary life of orders: the order strand before the split, fulfilment step by step, cancellations. */
export const FLOW_SCENARIOS: readonly Scenario[] = [
  // Before the split: the order strand's own states.
  unsplit('unpaid', 30, (c) => [1, c.paymentWindowMinutes - 3], { end: 'UNPAID' }),
  unsplit('unpaid, held by staff before payment', 8, (c) => [4, c.paymentWindowMinutes - 3], {
    end: 'UNPAID',
    prepayHold: true,
  }),
  unsplit('closed: payment window ran out', 35, (c) => [c.paymentWindowMinutes + 5, 30 * DAYS], {
    end: 'CLOSED',
  }),
  unsplit('cancelled before payment', 15, () => [HOURS, 30 * DAYS], { end: 'CANCELLED_UNPAID' }),
  unsplit('cancelled after payment, before the split', 20, () => [HOURS, 30 * DAYS], {
    end: 'CANCELLED_PAID',
  }),
  unsplit('paid, not split yet', 8, () => [1, 6], { end: 'PAID' }),

  // Split orders, by how far fulfilment got.
  split('delivered', 230, [5 * DAYS, 30 * DAYS], (c) => ({
    status: 'DELIVERED',
    parcels: parcels(c.rng),
    exception: c.rng.chance(0.05),
  })),
  split('delivered, one line', 30, [5 * DAYS, 30 * DAYS], () => ({ status: 'DELIVERED' }), {
    basket: 'single',
  }),
  ...MULTI.map((basket) =>
    split(`delivered, split (${basket})`, 14, [5 * DAYS, 30 * DAYS], () => ({ status: 'DELIVERED' }), {
      basket,
    }),
  ),
  split('shipped, on the way', 110, [10 * HOURS, 4 * DAYS], (c) => ({
    status: 'SHIPPED',
    node: onTheWay(c.rng),
    parcels: parcels(c.rng),
  })),
  split('shipped, carrier exception', 15, [DAYS, 4 * DAYS], () => ({ status: 'SHIPPED', node: 'EXCEPTION' })),
  split(
    'several sub-orders at different steps',
    35,
    [HOURS, 4 * DAYS],
    (c, age) => byAge(c.rng, age * c.rng.between(0.3, 1.2)),
    {
      basket: 'cold',
    },
  ),
  split('created, dispatch queued', 12, [2, 50], () => ({ status: 'CREATED', dispatch: 'PENDING' })),
  split('created, dispatch retrying', 10, [5, 55], () => ({ status: 'CREATED', dispatch: 'RETRYING' })),
  split('created, dispatch dead-lettered', 10, [3 * HOURS, 3 * DAYS], () => ({
    status: 'CREATED',
    dispatch: 'DEAD_LETTER',
  })),
  split('dispatched, waiting for the warehouse', 25, [5, 25], () => ({ status: 'DISPATCHED' })),
  split('dispatched, not accepted in time (late)', 8, [2 * HOURS, 10 * HOURS], () => ({
    status: 'DISPATCHED',
  })),
  split('accepted', 25, [40, 6 * HOURS], () => ({ status: 'ACCEPTED' })),
  split('picking', 25, [HOURS, 8 * HOURS], () => ({ status: 'PICKING' })),
  split('packed', 25, [2 * HOURS, 10 * HOURS], () => ({ status: 'PACKED' })),
  split('at the warehouse past the cut-off (late)', 20, [1.5 * DAYS, 4 * DAYS], (c) => ({
    status: c.rng.pick(['ACCEPTED', 'PICKING', 'PACKED'] as const),
  })),
  split('rejected at the door', 25, [4 * DAYS, 30 * DAYS], (c) => ({
    status: 'REJECTED',
    returned: c.rng.weighted([
      ['REJECTED', 2],
      ['RETURNING', 3],
      ['RETURN_SIGNED', 5],
    ] as const),
  })),

  // Cancellations after the split.
  split('cancelled before any warehouse had it', 15, [HOURS, 30 * DAYS], () => ({
    status: 'CANCELLED',
    cancel: { from: 'CREATED', answer: 'confirmed' },
  })),
  split('cancelled at the warehouse', 20, [3 * HOURS, 30 * DAYS], (c) => ({
    status: 'CANCELLED',
    cancel: { from: c.rng.pick(AT_WAREHOUSE), answer: 'confirmed' },
  })),
  split('cancel requested, warehouse still picking', 12, [40, 8 * HOURS], (c) => ({
    status: 'PICKING',
    cancel: { from: c.rng.chance(0.7) ? 'PICKING' : 'ACCEPTED', answer: 'pending' },
  })),
  split('cancel refused by the warehouse', 8, [5 * DAYS, 30 * DAYS], () => ({
    status: 'DELIVERED',
    cancel: { from: 'PACKED', answer: 'refused' },
  })),
  {
    name: 'one sub-order cancelled, the others delivered',
    weight: 15,
    age: () => [5 * DAYS, 30 * DAYS],
    build: (ctx, at) => [
      journey(ctx, at, {
        basket: ctx.rng.pick(['cold', 'oversize', 'merchantMix'] as const),
        end: 'SPLIT',
        target: (_, i) =>
          i === 0
            ? { status: 'CANCELLED', cancel: { from: 'DISPATCHED', answer: 'confirmed' } }
            : { status: 'DELIVERED' },
      }),
    ],
  },
];
