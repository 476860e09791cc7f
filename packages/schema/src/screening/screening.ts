import type { InterceptionRule } from '../enums/enums.js';

/** Rules the screening runs by itself (MANUAL is raised by staff). */
export type AutomaticRule = Exclude<InterceptionRule, 'MANUAL'>;

/** One rule as managers configure it: on or off, with its thresholds (docs/domain.md §9). */
export interface RuleSetting {
  readonly code: AutomaticRule;
  readonly enabled: boolean;
  readonly params: Readonly<Record<string, number>>;
}

/** What a blacklist entry names: a receiver phone, a normalised address, or a customer account. */
export type BlacklistKind = 'PHONE' | 'ADDRESS' | 'ACCOUNT';

/** What the server knows of a paid order when it screens it. */
export interface ScreeningFacts {
  readonly payableFen: number;
  /** Days between the customer's registration and the order; null when unknown. */
  readonly accountAgeDays: number | null;
  /** Paid orders to the same normalised address in the rule's window, this one included. */
  readonly paidOrdersToAddress: number;
  /** Which of the order's phone, address and account are on the blacklist. */
  readonly blacklisted: readonly BlacklistKind[];
  /** The largest quantity of one sku in the order. */
  readonly maxQuantityPerSku: number;
}

const DAY_MS = 86_400_000;

/** What an order and its surroundings say, gathered by whoever screens it (the server, or the demo's stories). */
export interface ScreenedOrder {
  readonly payableFen: number;
  readonly createdAt: Date;
  readonly customerRegisteredAt: Date | null;
  readonly lines: readonly { readonly sku: string; readonly quantity: number }[];
  readonly paidOrdersToAddress: number;
  readonly blacklisted: readonly BlacklistKind[];
}

/** The facts the rules read, from an order: its account's age in whole days and its largest quantity of one sku. */
export function screeningFacts(order: ScreenedOrder): ScreeningFacts {
  const perSku = new Map<string, number>();
  for (const line of order.lines) perSku.set(line.sku, (perSku.get(line.sku) ?? 0) + line.quantity);
  return {
    payableFen: order.payableFen,
    accountAgeDays: order.customerRegisteredAt
      ? Math.floor((order.createdAt.getTime() - order.customerRegisteredAt.getTime()) / DAY_MS)
      : null,
    paidOrdersToAddress: order.paidOrdersToAddress,
    blacklisted: [...new Set(order.blacklisted)],
    maxQuantityPerSku: Math.max(0, ...perSku.values()),
  };
}

/** One rule that fired, with the figures that made it fire. */
export interface RuleHit {
  readonly rule: AutomaticRule;
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** The defaults the database starts with; managers change them later. */
export const DEFAULT_RULE_PARAMS: Readonly<Record<AutomaticRule, Readonly<Record<string, number>>>> = {
  BLACKLIST: {},
  HIGH_VALUE_NEW_ACCOUNT: { minPayableFen: 500_000, maxAccountAgeDays: 7 },
  ADDRESS_VELOCITY: { maxPaidOrders: 3, windowHours: 24 },
  QUANTITY_LIMIT: { maxQuantityPerSku: 20 },
};

/** What happens to a hold nobody decided within the rollback period (docs/domain.md §9). */
export const HOLD_DEFAULT_ACTIONS = ['RELEASE', 'CANCEL_ORDER', 'WAIT'] as const;
export type HoldDefaultAction = (typeof HOLD_DEFAULT_ACTIONS)[number];

/**
 * Each rule's default action until a manager changes it: a blacklisted phone, address or account waits for a person
 * (releasing it unseen would ship to a known fraudster); the other rules fail open, releasing, so a busy queue never
 * strands a good customer's order; a staff member's own hold (MANUAL) is released too.
 */
export const DEFAULT_HOLD_ACTION: Readonly<Record<InterceptionRule, HoldDefaultAction>> = {
  BLACKLIST: 'WAIT',
  HIGH_VALUE_NEW_ACCOUNT: 'RELEASE',
  ADDRESS_VELOCITY: 'RELEASE',
  QUANTITY_LIMIT: 'RELEASE',
  MANUAL: 'RELEASE',
};

function param(setting: RuleSetting, name: string): number {
  return setting.params[name] ?? DEFAULT_RULE_PARAMS[setting.code][name] ?? 0;
}

const CHECKS: Readonly<
  Record<AutomaticRule, (facts: ScreeningFacts, setting: RuleSetting) => RuleHit['evidence'] | null>
> = {
  BLACKLIST: (f) => (f.blacklisted.length > 0 ? { matched: [...f.blacklisted] } : null),
  HIGH_VALUE_NEW_ACCOUNT: (f, s) =>
    f.accountAgeDays !== null &&
    f.accountAgeDays < param(s, 'maxAccountAgeDays') &&
    f.payableFen > param(s, 'minPayableFen')
      ? {
          payableFen: f.payableFen,
          accountAgeDays: f.accountAgeDays,
          minPayableFen: param(s, 'minPayableFen'),
          maxAccountAgeDays: param(s, 'maxAccountAgeDays'),
        }
      : null,
  ADDRESS_VELOCITY: (f, s) =>
    f.paidOrdersToAddress > param(s, 'maxPaidOrders')
      ? {
          paidOrdersToAddress: f.paidOrdersToAddress,
          maxPaidOrders: param(s, 'maxPaidOrders'),
          windowHours: param(s, 'windowHours'),
        }
      : null,
  QUANTITY_LIMIT: (f, s) =>
    f.maxQuantityPerSku > param(s, 'maxQuantityPerSku')
      ? { maxQuantityPerSku: f.maxQuantityPerSku, limit: param(s, 'maxQuantityPerSku') }
      : null,
};

/** The order in which hits are reported; the first names the interception. */
export const RULE_PRIORITY: readonly AutomaticRule[] = [
  'BLACKLIST',
  'HIGH_VALUE_NEW_ACCOUNT',
  'ADDRESS_VELOCITY',
  'QUANTITY_LIMIT',
];

/** Every enabled rule that fires on the facts, most serious first (docs/domain.md §9: one interception per order). */
export function screenOrder(facts: ScreeningFacts, settings: readonly RuleSetting[]): RuleHit[] {
  const byCode = new Map(settings.map((s) => [s.code, s]));
  return RULE_PRIORITY.flatMap((code) => {
    const setting = byCode.get(code);
    if (!setting?.enabled) return [];
    const evidence = CHECKS[code](facts, setting);
    return evidence ? [{ rule: code, evidence }] : [];
  });
}
