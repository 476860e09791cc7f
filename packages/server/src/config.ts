import { fileURLToPath } from 'node:url';
import { personalDataKeyFrom } from './privacy/personal-data-cipher.js';

/** Where the repository lives, for defaults that point into it (`.data/`, the built console). */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The on/off variable `name` (on, true, 1, yes / off, false, 0, no); `fallback` when unset or empty. */
export function onOff(name: string, fallback: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new Error(`${name} must be on or off, got "${env[name]}"`);
}

/** The non-negative whole-number variable `name`; `fallback` when unset or empty. */
export function integer(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** The server's configuration, read from the environment once (README.md "Configuration"). */
export interface Config {
  readonly port: number;
  readonly databaseUrl: string | undefined;
  /**
   * How the running product connects when DATABASE_URL is set: as the non-owner role `oms_app` the migrations create
   * (migrations still run as DATABASE_URL's user). Unset: it runs as DATABASE_URL's user. The embedded server needs none.
   */
  readonly appDatabaseUrl: string | undefined;
  readonly dataDir: string;
  /** Port of the embedded PostgreSQL; a free one when unset. */
  readonly embeddedPgPort: number | undefined;
  /** Demo mode (OMS_DEMO): the start command composes the demo package with the server when on. */
  readonly demo: boolean;
  readonly orderNumberSecret: string;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly adminPassword: string | undefined;
  readonly consoleDir: string;
  readonly logLevel: string;
  readonly revealDailyLimit: number;
  /** Look-ups by a receiver's full phone number per staff member per hour (docs/domain.md §10). */
  readonly phoneSearchHourlyLimit: number;
  readonly kuaidi100Salt: string;
  /** Delivery attempts of an outbox message before it is dead-lettered. */
  readonly dispatchMaxAttempts: number;
  /** Run the outbox worker inside the server process. */
  readonly worker: boolean;
  /** On SIGTERM, how long /readyz answers 503 before the listener closes (for load balancers to notice). */
  readonly shutdownDrainMs: number;
  /** A shutdown that has not finished after this long exits anyway (status 1); open transactions roll back. */
  readonly shutdownTimeoutMs: number;
  /** How long a hold waits for a manager before its default action (release) runs. */
  readonly rollbackMinutes: number;
  /** An unpaid order closes after this many minutes. */
  readonly paymentWindowMinutes: number;
  readonly production: boolean;
  /** Master key of personal data at rest (OMS_PERSONAL_DATA_KEY; required in production; ADR 0009). */
  readonly personalDataKey: Buffer;
}

/** Parses the environment; throws naming the variable when one is malformed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer('PORT', 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.OMS_APP_DATABASE_URL || undefined,
    dataDir: env.OMS_DATA_DIR || `${REPOSITORY_ROOT}.data/`,
    embeddedPgPort: env.OMS_EMBEDDED_PG_PORT ? integer('OMS_EMBEDDED_PG_PORT', 0) : undefined,
    demo: onOff('OMS_DEMO', false),
    orderNumberSecret: env.OMS_ORDER_NUMBER_SECRET || 'oms-demo-order-number-secret',
    sessionIdleMinutes: integer('OMS_SESSION_IDLE_MINUTES', 120),
    sessionAbsoluteHours: integer('OMS_SESSION_ABSOLUTE_HOURS', 12),
    adminPassword: env.OMS_ADMIN_PASSWORD || undefined,
    consoleDir: env.OMS_CONSOLE_DIR || `${REPOSITORY_ROOT}packages/admin-web/dist/`,
    logLevel: env.LOG_LEVEL || 'info',
    revealDailyLimit: integer('OMS_REVEAL_DAILY_LIMIT', 200),
    phoneSearchHourlyLimit: integer('OMS_PHONE_SEARCH_HOURLY_LIMIT', 300),
    dispatchMaxAttempts: integer('OMS_DISPATCH_MAX_ATTEMPTS', 8),
    worker: onOff('OMS_WORKER', true),
    paymentWindowMinutes: Math.max(1, integer('OMS_PAYMENT_WINDOW_MINUTES', 30)),
    rollbackMinutes: Math.max(1, integer('OMS_ROLLBACK_MINUTES', 30)),
    shutdownDrainMs: integer('OMS_SHUTDOWN_DRAIN_MS', 2_000),
    shutdownTimeoutMs: Math.max(1_000, integer('OMS_SHUTDOWN_TIMEOUT_MS', 20_000)),
    // Unset: no carrier push is accepted. The start command gives demo mode a salt of its own.
    kuaidi100Salt: env.OMS_KUAIDI100_SALT || '',
    production: env.NODE_ENV === 'production',
    personalDataKey: personalDataKeyFrom(env),
  };
}
