import { fileURLToPath } from 'node:url';
import { DEMO_KUAIDI100_SALT } from './seed/demo-accounts.js';
import { personalDataKeyFrom } from './privacy/personal-data-cipher.js';

/** Where the repository lives, for defaults that point into it (`.data/`, the built console). */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function onOff(name: string, fallback: boolean): boolean {
  const value = process.env[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new Error(`${name} must be on or off, got "${process.env[name]}"`);
}

function integer(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** The server's configuration, read from the environment once (README "Configuration"). */
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
  readonly demo: boolean;
  readonly simulators: boolean;
  readonly demoWmsUrl: string | undefined;
  readonly orderNumberSecret: string;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly adminPassword: string | undefined;
  readonly consoleDir: string;
  readonly logLevel: string;
  readonly demoOrderCount: number;
  readonly revealDailyLimit: number;
  readonly kuaidi100Salt: string;
  /** Delivery attempts of an outbox message before it is dead-lettered. */
  readonly dispatchMaxAttempts: number;
  /** Run the outbox worker inside the server process. */
  readonly worker: boolean;
  /** Demo simulators run this many times faster than their default pace (5–30 s a step). */
  /** On SIGTERM, how long /readyz answers 503 before the listener closes (for load balancers to notice). */
  readonly shutdownDrainMs: number;
  /** A shutdown that has not finished after this long exits anyway (status 1); open transactions roll back. */
  readonly shutdownTimeoutMs: number;
  readonly simulatorSpeed: number;
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
  const demo = onOff('OMS_DEMO', false);
  return {
    port: integer('PORT', 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.OMS_APP_DATABASE_URL || undefined,
    dataDir: env.OMS_DATA_DIR || `${REPOSITORY_ROOT}.data/`,
    embeddedPgPort: env.OMS_EMBEDDED_PG_PORT ? integer('OMS_EMBEDDED_PG_PORT', 0) : undefined,
    demo,
    simulators: demo && onOff('OMS_SIMULATORS', true),
    demoWmsUrl: env.OMS_DEMO_WMS_URL || undefined,
    orderNumberSecret: env.OMS_ORDER_NUMBER_SECRET || 'oms-demo-order-number-secret',
    sessionIdleMinutes: integer('OMS_SESSION_IDLE_MINUTES', 120),
    sessionAbsoluteHours: integer('OMS_SESSION_ABSOLUTE_HOURS', 12),
    adminPassword: env.OMS_ADMIN_PASSWORD || undefined,
    consoleDir: env.OMS_CONSOLE_DIR || `${REPOSITORY_ROOT}packages/admin-web/dist/`,
    logLevel: env.LOG_LEVEL || 'info',
    demoOrderCount: integer('OMS_DEMO_ORDERS', 5000),
    revealDailyLimit: integer('OMS_REVEAL_DAILY_LIMIT', 200),
    dispatchMaxAttempts: integer('OMS_DISPATCH_MAX_ATTEMPTS', 8),
    worker: onOff('OMS_WORKER', true),
    paymentWindowMinutes: Math.max(1, integer('OMS_PAYMENT_WINDOW_MINUTES', 30)),
    rollbackMinutes: Math.max(1, integer('OMS_ROLLBACK_MINUTES', 30)),
    simulatorSpeed: Math.max(1, integer('OMS_SIMULATOR_SPEED', 1)),
    shutdownDrainMs: integer('OMS_SHUTDOWN_DRAIN_MS', 2_000),
    shutdownTimeoutMs: Math.max(1_000, integer('OMS_SHUTDOWN_TIMEOUT_MS', 20_000)),
    kuaidi100Salt: env.OMS_KUAIDI100_SALT || (demo ? DEMO_KUAIDI100_SALT : ''),
    production: env.NODE_ENV === 'production',
    personalDataKey: personalDataKeyFrom(env),
  };
}
