import type { RuleSetting } from '@oms/schema';
import type { Actor, BlacklistKind } from '@oms/server';
import { DEMO_API_KEY, DEMO_LOGINS } from '../demo-accounts.js';
import type { WarehouseInfo } from './model.js';
import type { SeedNumbers } from './numbers.js';
import type { People } from './people.js';
import type { Rng } from './random.js';
import type { StockLedger } from './stock.js';

/** A blacklist entry a BLACKLIST story needs (written with the batch). */
export interface BlacklistDraft {
  readonly kind: BlacklistKind;
  readonly value: string;
  readonly note: string;
  readonly createdAt: Date;
}

/** Everything the factories share while building one seed run. */
export interface SeedContext {
  readonly rng: Rng;
  /** "Now" for the whole run; every story ends a little before it. */
  readonly now: number;
  readonly limit: number;
  readonly people: People;
  readonly numbers: SeedNumbers;
  readonly stock: StockLedger;
  readonly warehouses: readonly WarehouseInfo[];
  /** The screening rules as stored (thresholds from risk_rules), so evidence matches the live rules. */
  readonly rules: readonly RuleSetting[];
  readonly rollbackMinutes: number;
  readonly paymentWindowMinutes: number;
  readonly dispatchMaxAttempts: number;
  /** Uniqueness of channel serials and waybills across the run. */
  readonly taken: Set<string>;
  readonly blacklist: BlacklistDraft[];
  serial: number;
}

function staff(username: string): Actor {
  const login = DEMO_LOGINS.find((l) => l.username === username)!;
  return { type: 'STAFF', id: login.username, name: login.displayName };
}

/** The demo staff as timeline actors. */
export const STAFF = { agent: staff('agent'), ops: staff('ops'), manager: staff('manager') } as const;

/** Jobs and services as timeline actors (the ids the services use). */
export const SYSTEM = {
  splitter: { type: 'SYSTEM', id: 'splitter' },
  dispatcher: { type: 'SYSTEM', id: 'dispatcher' },
  openPlatform: { type: 'SYSTEM', id: 'open-platform' },
  paymentWindow: { type: 'SYSTEM', id: 'payment-window' },
  rollback: { type: 'SYSTEM', id: 'rollback-period' },
  sla: { type: 'SYSTEM', id: 'sla-monitor' },
  cod: { type: 'SYSTEM', id: 'cod-settlement' },
  refunds: { type: 'SYSTEM', id: 'refund-gateway' },
} as const satisfies Record<string, Actor>;

/** Integration clients that create orders and report payments, by order source. */
export const CLIENTS = {
  SELF_OPERATED: { type: 'INTEGRATION', id: DEMO_API_KEY.name },
  THIRD_PARTY: { type: 'INTEGRATION', id: 'open-platform' },
  OFFLINE_STORE: { type: 'INTEGRATION', id: 'store-pos' },
} as const satisfies Record<string, Actor>;

/** A value no other row of the run has (transaction serials, waybills), drawn by `make`. */
export function uniqueValue(ctx: SeedContext, make: () => string): string {
  for (;;) {
    const value = make();
    if (!ctx.taken.has(value)) {
      ctx.taken.add(value);
      return value;
    }
  }
}
