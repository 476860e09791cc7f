import { describe, expect, it } from 'vitest';
import { loadConfig, PRODUCT_VARIABLES, StartRefused, VARIABLES } from './config.js';
import { TEST_SECRETS } from './testing/test-secrets.js';

/** The message loadConfig refuses `env` with; fails the test when it does not refuse. */
function refusal(env: NodeJS.ProcessEnv, options: Parameters<typeof loadConfig>[1] = {}): string {
  try {
    loadConfig(env, options);
  } catch (error) {
    expect(error).toBeInstanceOf(StartRefused);
    return (error as Error).message;
  }
  throw new Error('loadConfig did not refuse');
}

const SECRETS_OUTSIDE_DEMO = [
  'OMS_ORDER_NUMBER_SECRET',
  'OMS_PERSONAL_DATA_KEY',
  'OMS_KUAIDI100_SALT',
  'OMS_METRICS_TOKEN',
] as const;

const DEMO_VALUES = {
  OMS_ORDER_NUMBER_SECRET: 'a-demo-order-number-secret',
  OMS_PERSONAL_DATA_KEY: '11'.repeat(32),
  OMS_KUAIDI100_SALT: 'a-demo-salt',
};

describe('outside demo mode, the secrets', () => {
  it('are all named in one message when none is set, with the admin password the first start needs', () => {
    const message = refusal({});
    for (const name of [...SECRETS_OUTSIDE_DEMO, 'OMS_ADMIN_PASSWORD']) expect(message).toContain(name);
    expect(message).toMatch(/no default/);
  });

  it.each(SECRETS_OUTSIDE_DEMO.map((name) => [name]))(
    'refuse a start without %s, naming it alone',
    (name) => {
      for (const unset of [undefined, '']) {
        const message = refusal({ ...TEST_SECRETS, [name]: unset });
        expect(message).toContain(name);
        for (const other of SECRETS_OUTSIDE_DEMO.filter((n) => n !== name))
          expect(message).not.toContain(other);
      }
    },
  );

  it('never fall back to a public value: given, they are used as given', () => {
    const config = loadConfig({ ...TEST_SECRETS });
    expect(config.orderNumberSecret).toBe(TEST_SECRETS.OMS_ORDER_NUMBER_SECRET);
    expect(config.personalDataKey.toString('hex')).toBe(TEST_SECRETS.OMS_PERSONAL_DATA_KEY);
    expect(config.kuaidi100Salt).toBe(TEST_SECRETS.OMS_KUAIDI100_SALT);
    expect(config.metricsToken).toBe(TEST_SECRETS.OMS_METRICS_TOKEN);
    expect(config.adminPassword).toBe(TEST_SECRETS.OMS_ADMIN_PASSWORD);
    expect(config.demo).toBe(false);
  });

  it('leave the admin password to the first start (needed only while no staff account exists)', () => {
    expect(loadConfig({ ...TEST_SECRETS, OMS_ADMIN_PASSWORD: undefined }).adminPassword).toBeUndefined();
    expect(refusal({ ...TEST_SECRETS, OMS_ADMIN_PASSWORD: 'short' })).toMatch(
      /OMS_ADMIN_PASSWORD must be at least 12 characters/,
    );
  });

  it('are not taken from demo values outside demo mode', () => {
    const message = refusal({ OMS_METRICS_TOKEN: 't' }, { demoValues: DEMO_VALUES });
    for (const name of Object.keys(DEMO_VALUES)) expect(message).toContain(name);
  });

  it('are never echoed when malformed; other values are', () => {
    const secretText = 'not-a-key-but-a-secret';
    const message = refusal({ ...TEST_SECRETS, OMS_PERSONAL_DATA_KEY: secretText, PORT: 'eighty' });
    expect(message).toContain('OMS_PERSONAL_DATA_KEY must be 32 random bytes');
    expect(message).not.toContain(secretText);
    expect(message).toContain('PORT must be a non-negative integer, got "eighty"');
  });
});

describe('demo mode', () => {
  it('is refused with NODE_ENV=production, whatever else is set', () => {
    for (const env of [
      { OMS_DEMO: 'on', NODE_ENV: 'production' },
      { ...TEST_SECRETS, OMS_DEMO: 'yes', NODE_ENV: 'production' },
    ]) {
      expect(refusal(env, { demoValues: DEMO_VALUES })).toMatch(/NODE_ENV=production with OMS_DEMO=on/);
    }
  });

  it('is refused by an entry that runs the product alone (no demo values)', () => {
    expect(refusal({ OMS_DEMO: 'on' })).toMatch(/needs the start command \(pnpm start\)/);
  });

  it("takes the demo's values where the environment gives none; /metrics stays open", () => {
    const config = loadConfig(
      { OMS_DEMO: 'on', OMS_KUAIDI100_SALT: 'own-salt' },
      { demoValues: DEMO_VALUES },
    );
    expect(config.demo).toBe(true);
    expect(config.orderNumberSecret).toBe(DEMO_VALUES.OMS_ORDER_NUMBER_SECRET);
    expect(config.personalDataKey.toString('hex')).toBe(DEMO_VALUES.OMS_PERSONAL_DATA_KEY);
    expect(config.kuaidi100Salt).toBe('own-salt');
    expect(config.metricsToken).toBeUndefined();
    expect(config.adminPassword).toBeUndefined();
  });
});

describe('the declarations', () => {
  it('are what the loader reads, every one of them and nothing else', () => {
    const read = new Set<string>();
    const env = new Proxy({ ...TEST_SECRETS } as NodeJS.ProcessEnv, {
      get: (target, name) => {
        if (typeof name === 'string') read.add(name);
        return target[name as string];
      },
    });
    loadConfig(env);
    expect([...read].sort()).toEqual(PRODUCT_VARIABLES.map((v) => v.name).sort());
  });

  it('keep the defaults', () => {
    const config = loadConfig({ ...TEST_SECRETS });
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
      dataDir: undefined,
      embeddedPgPort: undefined,
      sessionIdleMinutes: 120,
      sessionAbsoluteHours: 12,
      revealDailyLimit: 200,
      phoneSearchHourlyLimit: 300,
      paymentWindowMinutes: 30,
      rollbackMinutes: 30,
      dispatchMaxAttempts: 8,
      worker: true,
      shutdownDrainMs: 2_000,
      shutdownTimeoutMs: 20_000,
      production: false,
    });
    expect(config.consoleDir).toMatch(/packages\/admin-web\/dist\/$/);
  });

  it('name each variable once, secrets flagged', () => {
    const names = PRODUCT_VARIABLES.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [...SECRETS_OUTSIDE_DEMO, 'OMS_ADMIN_PASSWORD', 'DATABASE_URL'])
      expect(PRODUCT_VARIABLES.find((v) => v.name === name)?.secret, name).toBe(true);
    expect(VARIABLES.adminPassword.required).toBe('first start outside demo mode');
  });
});
