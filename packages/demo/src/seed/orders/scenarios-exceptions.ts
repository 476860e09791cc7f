import { INTERCEPTION_STATUSES, type AutomaticRule } from '@oms/schema';
import { SCARCE_SKUS } from './baskets.js';
import { journey } from './journey.js';
import { heldByScreening, ruleParam } from './risk-stories.js';
import { ageOf, holdAge, split, unsplit, type Scenario } from './scenario-kit.js';
import { byAge, DAYS, HOURS, onTheWay } from './targets.js';

const scarceOnlyAt = (code: string) => (warehouse: string, sku: string) =>
  SCARCE_SKUS.includes(sku) && warehouse !== code;
const RULES: readonly AutomaticRule[] = [
  'HIGH_VALUE_NEW_ACCOUNT',
  'ADDRESS_VELOCITY',
  'BLACKLIST',
  'QUANTITY_LIMIT',
];

/**
 * What goes wrong or differs: stock trouble, holds by every rule, refunds a channel refused, cash on delivery, other
 * sources and types.
 */
export const EXCEPTION_SCENARIOS: readonly Scenario[] = [
  // Stock: out of stock, resolved by reassigning, split across warehouses, reassigned.
  split('out of stock', 20, [30, 5 * DAYS], (c, age) => byAge(c.rng, age), {
    basket: 'scarce',
    soldOut: (_, sku) => SCARCE_SKUS.includes(sku),
  }),
  split(
    'out of stock, then reassigned',
    8,
    [DAYS, 20 * DAYS],
    (_, __, sub) => ({ status: 'DELIVERED', reassign: sub.outOfStock }),
    {
      basket: 'scarce',
      soldOut: (_, sku) => SCARCE_SKUS.includes(sku),
    },
  ),
  split(
    'out of stock, cancelled',
    8,
    [HOURS, 10 * DAYS],
    (c, age, sub) =>
      sub.outOfStock
        ? { status: 'CANCELLED', cancel: { from: 'CREATED', answer: 'confirmed' } }
        : byAge(c.rng, age),
    {
      basket: 'scarce',
      soldOut: (_, sku) => SCARCE_SKUS.includes(sku),
    },
  ),
  {
    name: 'split by stock across warehouses',
    weight: 10,
    age: () => [4 * DAYS, 30 * DAYS],
    build: (ctx, at) => {
      const [a, b] = ctx.rng.pick([
        ['SH01', 'WH01'],
        ['GZ01', 'CD01'],
        ['BJ01', 'GZ01'],
      ] as const);
      const only = scarceOnlyAt(a);
      return [
        journey(ctx, at, {
          basket: 'scarcePair',
          end: 'SPLIT',
          soldOut: (w, sku) => (sku === SCARCE_SKUS[1] ? w !== b : only(w, sku)),
          target: () => ({ status: 'DELIVERED' }),
        }),
      ];
    },
  },
  split('reassigned to another warehouse', 20, [DAYS, 30 * DAYS], (c, age) => ({
    ...byAge(c.rng, age),
    reassign: true,
  })),
  split('reassigned, at the new warehouse', 8, [HOURS, 6 * HOURS], (c) => ({
    status: c.rng.pick(['DISPATCHED', 'ACCEPTED'] as const),
    reassign: true,
  })),

  // Holds: every screening rule with every outcome, and staff (MANUAL) holds on a dispatched sub-order.
  ...RULES.flatMap((rule) =>
    INTERCEPTION_STATUSES.map((outcome): Scenario => ({
      name: `held by ${rule}, ${outcome}`,
      weight: rule === 'ADDRESS_VELOCITY' ? 6 : 8,
      age: (ctx) => holdAge(ctx, outcome),
      build: (ctx, at) => heldByScreening(ctx, at, rule, outcome),
      size: (ctx) => (rule === 'ADDRESS_VELOCITY' ? ruleParam(ctx, rule, 'maxPaidOrders') + 1 : 1),
    })),
  ),
  ...INTERCEPTION_STATUSES.map((outcome): Scenario => ({
    name: `held by staff (MANUAL), ${outcome}`,
    weight: 8,
    age: (ctx) => (outcome === 'ACTIVE' ? [8, ctx.rollbackMinutes - 4] : holdAge(ctx, outcome)),
    build: (ctx, at) => [
      journey(ctx, at, {
        basket: 'everyday',
        end: 'SPLIT',
        target: () => ({
          ...byAge(ctx.rng, Math.max(ageOf(ctx, at), 40)),
          manualHold: { at: 'DISPATCHED', outcome },
        }),
      }),
    ],
  })),

  // Refunds a channel refused (docs/domain.md §11): recent ones wait in ops' list (failedRefunds), an older one was
  // sent again by ops and went through.
  unsplit('cancelled after payment, refund refused by the channel', 4, () => [HOURS, 3 * DAYS], {
    end: 'CANCELLED_PAID',
    refundTrouble: 'REFUSED',
  }),
  split(
    'cancelled at the warehouse, refund refused by the channel',
    3,
    [3 * HOURS, 3 * DAYS],
    (c) => ({
      status: 'CANCELLED',
      cancel: { from: c.rng.pick(['DISPATCHED', 'ACCEPTED', 'PICKING'] as const), answer: 'confirmed' },
    }),
    { refundTrouble: 'REFUSED' },
  ),
  unsplit(
    'cancelled after payment, refund refused, sent again by ops, refunded',
    0.5,
    () => [2 * DAYS, 30 * DAYS],
    {
      end: 'CANCELLED_PAID',
      refundTrouble: 'REFUSED_THEN_RETRIED',
    },
  ),

  // Payment, source and type variety.
  split('cash on delivery, delivered', 25, [5 * DAYS, 30 * DAYS], () => ({ status: 'DELIVERED' }), {
    cod: true,
  }),
  split(
    'cash on delivery, on the way',
    15,
    [10 * HOURS, 4 * DAYS],
    (c) => ({ status: 'SHIPPED', node: onTheWay(c.rng) }),
    { cod: true },
  ),
  split('third-party merchant order', 35, [HOURS, 30 * DAYS], (c, age) => byAge(c.rng, age), {
    basket: 'merchant',
    source: 'THIRD_PARTY',
  }),
  split('offline store order', 30, [HOURS, 30 * DAYS], (c, age) => byAge(c.rng, age), {
    source: 'OFFLINE_STORE',
  }),
  split('pre-sale order', 35, [HOURS, 30 * DAYS], (c, age) => byAge(c.rng, age), {
    basket: 'presale',
    type: 'PRESALE',
  }),
];
