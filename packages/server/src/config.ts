import { fileURLToPath } from 'node:url';
import { parsePersonalDataKey } from './privacy/personal-data-cipher.js';

/** Where the repository lives, for defaults that point into it (`.data/`, the built console). */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The embedded PostgreSQL's data directory when OMS_DATA_DIR is unset (as root it may move: embedded-postgres.ts). */
export const DEFAULT_DATA_DIR = `${REPOSITORY_ROOT}.data/`;

/**
 * The product will not start as configured (or on this database); the message says what is wrong and what to do. The
 * entry points print it as it is, without a stack (refuseToStart).
 */
export class StartRefused extends Error {
  override name = 'StartRefused';
}

/** Ends the process with status 1 and a refusal's message on stderr; anything else is thrown on. */
export function refuseToStart(error: unknown): never {
  if (!(error instanceof StartRefused)) throw error;
  console.error(`OMS did not start.\n${error.message}`);
  process.exit(1);
}

/** When the product refuses to start without a variable. */
export type Requirement = 'outside demo mode' | 'first start outside demo mode';

/**
 * One environment variable the product reads, declared once: the README's configuration table is printed from these
 * declarations (`pnpm run docs`, a test compares), and the loader reads the environment only through them.
 */
export interface Variable<T> {
  readonly name: string;
  /** What it sets, in Markdown (a cell of the table). */
  readonly meaning: string;
  /** What holds when it is unset, in Markdown. */
  readonly default: string;
  /** When the product refuses to start without it; absent: never. */
  readonly required?: Requirement;
  /** A secret: never echoed, not even in the message about a malformed value. */
  readonly secret: boolean;
  /** For a required one: how to choose a value, said when it is missing. */
  readonly hint?: string;
  /** The value of the variable's text (undefined when unset or empty); throws a message naming the variable. */
  readonly parse: (text: string | undefined) => T;
}

/** What a declaration says besides its name and how it parses. */
type Doc = Pick<Variable<unknown>, 'meaning'> &
  Partial<Pick<Variable<unknown>, 'default' | 'required' | 'secret' | 'hint'>>;

const code = (value: string | number) => `\`${value}\``;

/** The end of a message about a malformed value: the value itself, unless it is a secret. */
const got = (doc: Doc, text: string) => (doc.secret ? '' : `, got "${text}"`);

/** A variable read by `parse`; `default` says in words what holds when it is unset. */
export function variable<T>(
  name: string,
  doc: Doc & { default: string },
  parse: (text: string | undefined) => T,
): Variable<T> {
  return { name, secret: false, ...doc, parse };
}

const ON = ['on', 'true', '1', 'yes'];
const OFF = ['off', 'false', '0', 'no'];

/** An on/off switch (on, true, 1, yes / off, false, 0, no); `fallback` when unset. */
export function onOffVariable(name: string, fallback: boolean, doc: Doc): Variable<boolean> {
  return variable(name, { default: code(fallback ? 'on' : 'off'), ...doc }, (text) => {
    const value = text?.trim().toLowerCase();
    if (!value) return fallback;
    if (ON.includes(value)) return true;
    if (OFF.includes(value)) return false;
    throw new Error(`${name} must be on or off${got(doc, text!)}`);
  });
}

/** A non-negative whole number, at least `min` (a smaller one counts as `min`); `fallback` when unset. */
export function integerVariable<F extends number | undefined>(
  name: string,
  fallback: F,
  doc: Doc & { min?: number },
): Variable<number | F> {
  const { min = 0, ...rest } = doc;
  return variable(name, { default: fallback === undefined ? 'unset' : code(fallback), ...rest }, (text) => {
    if (text === undefined || text.trim() === '') return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`${name} must be a non-negative integer${got(doc, text)}`);
    return Math.max(min, value);
  });
}

/** Text as given; undefined when unset or empty. */
export function textVariable(name: string, doc: Doc): Variable<string | undefined> {
  return variable(name, { default: 'unset', ...doc }, (text) => (text ? text : undefined));
}

/** The value of `declared` in `env`. */
export function readVariable<T>(env: NodeJS.ProcessEnv, declared: Variable<T>): T {
  const text = env[declared.name];
  return declared.parse(text === '' ? undefined : text);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(name: string, text: string | undefined): LogLevel | undefined {
  const value = text?.trim().toLowerCase();
  if (!value) return undefined;
  if (!(LOG_LEVELS as readonly string[]).includes(value))
    throw new Error(`${name} must be one of ${LOG_LEVELS.join(', ')}, got "${text}"`);
  return value as LogLevel;
}

const ADMIN_PASSWORD_MIN = 12;

/** The product's variables (the demo's own are declared by packages/demo), in the order the README lists them. */
export const VARIABLES = {
  port: integerVariable('PORT', 4000, { meaning: 'HTTP port of the one server' }),
  databaseUrl: textVariable('DATABASE_URL', {
    meaning:
      "PostgreSQL connection string of the tables' owner (migrations run as it); unset → embedded PostgreSQL",
    secret: true,
  }),
  appDatabaseUrl: textVariable('OMS_APP_DATABASE_URL', {
    meaning:
      'with `DATABASE_URL`: how the running product connects, as the role `oms_app` ([below](docs/operations.md#the-database-role))',
    default: "unset: as `DATABASE_URL`'s user",
    secret: true,
  }),
  dataDir: textVariable('OMS_DATA_DIR', {
    meaning: 'where the embedded PostgreSQL keeps its data',
    default:
      '`.data/` in the repository; as root, when the user `postgres` cannot reach it (a clone under `/root`), under `/var/lib/oms/data/` (the start prints where)',
  }),
  embeddedPgPort: integerVariable('OMS_EMBEDDED_PG_PORT', undefined, {
    meaning: 'port of the embedded PostgreSQL (on 127.0.0.1)',
    default: 'a free port',
  }),
  demo: onOffVariable('OMS_DEMO', false, {
    meaning:
      'demo mode: seed an empty database with demo data, logins and keys; run the simulators (refused with `NODE_ENV=production`)',
    default: '`on` for `pnpm start`, `off` otherwise',
  }),
  adminPassword: variable(
    'OMS_ADMIN_PASSWORD',
    {
      meaning: `the password of the \`admin\` account created when no staff account exists (at least ${ADMIN_PASSWORD_MIN} characters); unused once one exists`,
      default: 'none',
      required: 'first start outside demo mode',
      secret: true,
      hint: `the first admin's password, at least ${ADMIN_PASSWORD_MIN} characters (needed while no staff account exists)`,
    },
    (text) => {
      if (text !== undefined && text.length < ADMIN_PASSWORD_MIN)
        throw new Error(`OMS_ADMIN_PASSWORD must be at least ${ADMIN_PASSWORD_MIN} characters`);
      return text;
    },
  ),
  personalDataKey: variable(
    'OMS_PERSONAL_DATA_KEY',
    {
      meaning:
        'key of phones and addresses at rest: 32 bytes, base64 or hex ([below](docs/operations.md#the-personal-data-key))',
      default: 'none',
      required: 'outside demo mode',
      secret: true,
      hint: '32 random bytes, base64 or hex: `openssl rand -base64 32`; keep it with the backups, never change it',
    },
    (text) => (text === undefined ? undefined : parsePersonalDataKey(text)),
  ),
  orderNumberSecret: textVariable('OMS_ORDER_NUMBER_SECRET', {
    meaning:
      'key of the permutation that hides order volume in order numbers; never change it once orders exist',
    default: 'none',
    required: 'outside demo mode',
    secret: true,
    hint: 'any long random text, e.g. `openssl rand -base64 32`; never change it once orders exist',
  }),
  kuaidi100Salt: textVariable('OMS_KUAIDI100_SALT', {
    meaning: "salt of Kuaidi100's push signature (a push signed otherwise is refused)",
    default: 'none',
    required: 'outside demo mode',
    secret: true,
    hint: 'the salt agreed with Kuaidi100 for its pushes',
  }),
  metricsToken: textVariable('OMS_METRICS_TOKEN', {
    meaning: '`GET /metrics` answers only requests with `Authorization: Bearer <token>`',
    default: 'none: in demo mode `/metrics` is open',
    required: 'outside demo mode',
    secret: true,
    hint: 'the token Prometheus sends as `Authorization: Bearer <token>`, e.g. `openssl rand -hex 24`',
  }),
  sessionIdleMinutes: integerVariable('OMS_SESSION_IDLE_MINUTES', 120, {
    meaning: 'a console session ends after this long without a request',
  }),
  sessionAbsoluteHours: integerVariable('OMS_SESSION_ABSOLUTE_HOURS', 12, {
    meaning: 'and this long after sign-in, however active',
  }),
  revealDailyLimit: integerVariable('OMS_REVEAL_DAILY_LIMIT', 200, {
    meaning: 'reveals of personal data per staff member per day (Asia/Shanghai)',
  }),
  phoneSearchHourlyLimit: integerVariable('OMS_PHONE_SEARCH_HOURLY_LIMIT', 300, {
    meaning: "look-ups by a receiver's full phone number per staff member per hour, each audited",
  }),
  paymentWindowMinutes: integerVariable('OMS_PAYMENT_WINDOW_MINUTES', 30, {
    meaning: 'an order still unpaid after this long is closed (at least 1)',
    min: 1,
  }),
  rollbackMinutes: integerVariable('OMS_ROLLBACK_MINUTES', 30, {
    meaning: 'how long a hold waits for a manager before its default action runs (at least 1)',
    min: 1,
  }),
  dispatchMaxAttempts: integerVariable('OMS_DISPATCH_MAX_ATTEMPTS', 8, {
    meaning: 'delivery attempts of an outbound message or a refund before it is dead-lettered',
  }),
  worker: onOffVariable('OMS_WORKER', true, {
    meaning: 'run the outbox worker inside the server process',
  }),
  shutdownDrainMs: integerVariable('OMS_SHUTDOWN_DRAIN_MS', 2_000, {
    meaning: 'on SIGTERM, how long `/readyz` answers 503 before the listener closes',
  }),
  shutdownTimeoutMs: integerVariable('OMS_SHUTDOWN_TIMEOUT_MS', 20_000, {
    meaning:
      'a shutdown not finished after this long exits with status 1 (open transactions roll back; at least 1000)',
    min: 1_000,
  }),
  consoleDir: variable(
    'OMS_CONSOLE_DIR',
    { meaning: 'where the built console is', default: '`packages/admin-web/dist/`' },
    (text) => text || `${REPOSITORY_ROOT}packages/admin-web/dist/`,
  ),
  logLevel: variable(
    'OMS_LOG_LEVEL',
    {
      meaning: `${LOG_LEVELS.map((level) => code(level)).join(', ')}; PostgreSQL's own lines are at \`debug\``,
      default: '`LOG_LEVEL`, else `info`',
    },
    (text) => logLevel('OMS_LOG_LEVEL', text),
  ),
  legacyLogLevel: variable(
    'LOG_LEVEL',
    { meaning: 'the same as `OMS_LOG_LEVEL`, read when that is unset', default: '`info`' },
    (text) => logLevel('LOG_LEVEL', text),
  ),
  nodeEnv: variable(
    'NODE_ENV',
    {
      meaning:
        '`production`: the session cookie is always `Secure` and introspection is for admins only; refused with `OMS_DEMO=on`',
      default: 'unset',
    },
    (text) => text?.trim() || undefined,
  ),
} as const;

/** Every variable the product reads, in the README's order. */
export const PRODUCT_VARIABLES: readonly Variable<unknown>[] = Object.values(VARIABLES);

/** The log level the environment sets: OMS_LOG_LEVEL, else LOG_LEVEL, else info. */
export function logLevelFrom(env: NodeJS.ProcessEnv = process.env): LogLevel {
  return readVariable(env, VARIABLES.logLevel) ?? readVariable(env, VARIABLES.legacyLogLevel) ?? 'info';
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
  /** OMS_DATA_DIR; unset: the default (`.data/` in the repository, elsewhere as root when PostgreSQL cannot reach it). */
  readonly dataDir: string | undefined;
  /** Port of the embedded PostgreSQL; a free one when unset. */
  readonly embeddedPgPort: number | undefined;
  /** Demo mode (OMS_DEMO): the start command composes the demo package with the server when on. */
  readonly demo: boolean;
  readonly orderNumberSecret: string;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  /** Needed while no staff account exists, outside demo mode (the first admin). */
  readonly adminPassword: string | undefined;
  readonly consoleDir: string;
  readonly revealDailyLimit: number;
  /** Look-ups by a receiver's full phone number per staff member per hour (docs/domain.md §10). */
  readonly phoneSearchHourlyLimit: number;
  readonly kuaidi100Salt: string;
  /** The Bearer token /metrics asks for; unset (demo mode only) it is open. */
  readonly metricsToken: string | undefined;
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
  /** NODE_ENV=production: the session cookie is always Secure, introspection is for admins only. */
  readonly production: boolean;
  /** Master key of personal data at rest (OMS_PERSONAL_DATA_KEY; ADR 0009). */
  readonly personalDataKey: Buffer;
}

/** How loadConfig reads the environment. */
export interface LoadOptions {
  /**
   * What demo mode brings, given only by the start command that composes the demo (packages/demo): values of declared
   * variables, used in demo mode when the environment leaves them unset. Without it, OMS_DEMO=on is refused: the
   * entry runs the product alone.
   */
  readonly demoValues?: Readonly<Record<string, string>>;
}

/** Variables demo mode must bring when the environment does not: the configuration cannot do without them. */
const NEEDED_IN_DEMO_MODE = [VARIABLES.personalDataKey, VARIABLES.orderNumberSecret, VARIABLES.kuaidi100Salt];

/**
 * Reads the environment through the declarations. Refuses (StartRefused) NODE_ENV=production with OMS_DEMO=on, demo
 * mode without the demo, and, in one message, every malformed value and every secret missing outside demo mode (the
 * admin password is named there too when unset, as the first start needs it; whether it does is known only once the
 * database is open: startServer).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Config {
  const problems: string[] = [];
  const malformed = new Set<string>();
  const read = <T>(declared: Variable<T>, supplied?: string): T | undefined => {
    try {
      const text = env[declared.name];
      return declared.parse(text === '' || text === undefined ? supplied : text);
    } catch (error) {
      problems.push((error as Error).message);
      malformed.add(declared.name);
      return undefined;
    }
  };

  const demo = read(VARIABLES.demo) ?? false;
  const production = read(VARIABLES.nodeEnv) === 'production';
  if (demo && production) {
    throw new StartRefused(
      'NODE_ENV=production with OMS_DEMO=on: demo mode publishes its logins, keys and secrets, so it never runs in ' +
        'production. Set OMS_DEMO=off (and the secrets README.md "Configuration" lists) for production, or unset ' +
        'NODE_ENV to run the demo.',
    );
  }
  if (demo && !options.demoValues) {
    throw new StartRefused(
      'OMS_DEMO=on needs the start command (pnpm start), which adds the demo; this entry runs the product alone.',
    );
  }
  const supplied = (declared: Variable<unknown>) => (demo ? options.demoValues?.[declared.name] : undefined);
  const secret = <T>(declared: Variable<T>) => read(declared, supplied(declared));

  const config = {
    port: read(VARIABLES.port),
    databaseUrl: read(VARIABLES.databaseUrl),
    appDatabaseUrl: read(VARIABLES.appDatabaseUrl),
    dataDir: read(VARIABLES.dataDir),
    embeddedPgPort: read(VARIABLES.embeddedPgPort),
    demo,
    orderNumberSecret: secret(VARIABLES.orderNumberSecret),
    sessionIdleMinutes: read(VARIABLES.sessionIdleMinutes),
    sessionAbsoluteHours: read(VARIABLES.sessionAbsoluteHours),
    adminPassword: secret(VARIABLES.adminPassword),
    consoleDir: read(VARIABLES.consoleDir),
    revealDailyLimit: read(VARIABLES.revealDailyLimit),
    phoneSearchHourlyLimit: read(VARIABLES.phoneSearchHourlyLimit),
    dispatchMaxAttempts: read(VARIABLES.dispatchMaxAttempts),
    worker: read(VARIABLES.worker),
    paymentWindowMinutes: read(VARIABLES.paymentWindowMinutes),
    rollbackMinutes: read(VARIABLES.rollbackMinutes),
    shutdownDrainMs: read(VARIABLES.shutdownDrainMs),
    shutdownTimeoutMs: read(VARIABLES.shutdownTimeoutMs),
    kuaidi100Salt: secret(VARIABLES.kuaidi100Salt),
    metricsToken: secret(VARIABLES.metricsToken),
    production,
    personalDataKey: secret(VARIABLES.personalDataKey),
  };
  // Read as the logger reads them, so that a malformed level stops the start like any other value.
  read(VARIABLES.logLevel);
  read(VARIABLES.legacyLogLevel);

  const given: Record<string, unknown> = {
    [VARIABLES.orderNumberSecret.name]: config.orderNumberSecret,
    [VARIABLES.personalDataKey.name]: config.personalDataKey,
    [VARIABLES.kuaidi100Salt.name]: config.kuaidi100Salt,
    [VARIABLES.metricsToken.name]: config.metricsToken,
  };
  const unset = (declared: Variable<unknown>) =>
    given[declared.name] === undefined && !malformed.has(declared.name);
  if (demo) {
    const notBrought = NEEDED_IN_DEMO_MODE.filter(unset).map((declared) => declared.name);
    if (notBrought.length > 0) throw new Error(`demo mode brought no value for ${notBrought.join(', ')}`);
  }
  const missing = demo ? [] : PRODUCT_VARIABLES.filter((d) => d.required === 'outside demo mode' && unset(d));
  if (problems.length > 0 || missing.length > 0) {
    // The first start needs the admin password too; name it now rather than after a second attempt.
    const alsoNeeded =
      missing.length > 0 && config.adminPassword === undefined ? [VARIABLES.adminPassword] : [];
    throw new StartRefused(refusal(problems, [...missing, ...alsoNeeded]));
  }
  return config as Config;
}

/** One message for everything the environment got wrong: malformed values, then missing secrets. */
function refusal(problems: string[], missing: Variable<unknown>[]): string {
  const lines: string[] = [];
  if (problems.length > 0)
    lines.push('Malformed configuration:', ...problems.map((problem) => `  ${problem}`));
  if (missing.length > 0) {
    const width = Math.max(...missing.map((declared) => declared.name.length));
    lines.push(
      'Outside demo mode the product needs these secrets, which have no default (a public one would protect nothing):',
      ...missing.map((declared) => `  ${declared.name.padEnd(width)}  ${declared.hint ?? ''}`.trimEnd()),
      'Set each in the environment (README.md "Configuration"). To try the product instead: pnpm start (demo mode).',
    );
  }
  return lines.join('\n');
}
