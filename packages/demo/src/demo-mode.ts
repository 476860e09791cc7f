import type { DataSource } from 'typeorm';
import {
  ApiKeyEntity,
  DEMO_SEEDED,
  hashSecret,
  hasMarker,
  loadConfig,
  logger,
  setMarker,
  StaffEntity,
  StartRefused,
  type Config,
  type ServerExtension,
} from '@oms/server';
import type { DemoConfig } from './demo-config.js';
import {
  DEMO_API_KEY,
  DEMO_KUAIDI100_SALT,
  DEMO_LOGINS,
  DEMO_ORDER_NUMBER_SECRET,
  DEMO_PERSONAL_DATA_KEY,
} from './seed/demo-accounts.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import {
  configureDemoPaymentChannels,
  configureDemoWarehouses,
  createSimulators,
} from './simulators/index.js';

/**
 * The secrets demo mode brings where the environment sets none: public, like the demo's logins. Outside demo mode the
 * product ignores them and refuses to start without secrets of its own (README.md "Configuration").
 */
export const DEMO_VALUES: Readonly<Record<string, string>> = {
  OMS_ORDER_NUMBER_SECRET: DEMO_ORDER_NUMBER_SECRET,
  OMS_PERSONAL_DATA_KEY: DEMO_PERSONAL_DATA_KEY,
  OMS_KUAIDI100_SALT: DEMO_KUAIDI100_SALT,
};

/**
 * The configuration the start command runs with: the environment's, read by the product's loader, with demo mode's
 * values where it sets none when OMS_DEMO is on (and nothing of the demo's when it is off).
 */
export function loadStartConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig(env, { demoValues: DEMO_VALUES });
}

/**
 * Demo mode runs on a database it seeded, or on an empty one (which it seeds). A database with staff accounts of its
 * own and no demo mark is someone's real one: demo mode would give its warehouses and payment channels the demo's
 * public secrets and endpoints, so it refuses. A database seeded before the seed marked what it seeds (it holds the
 * demo's integration key) gets its mark now.
 */
export async function claimForDemo(db: DataSource): Promise<void> {
  if (await hasMarker(db, DEMO_SEEDED)) return;
  if (!(await db.getRepository(StaffEntity).exists())) return;
  if (await db.getRepository(ApiKeyEntity).exists({ where: { keyHash: hashSecret(DEMO_API_KEY.key) } })) {
    await db.transaction((manager) =>
      setMarker(manager, DEMO_SEEDED, {
        logins: DEMO_LOGINS.map((login) => login.username),
        apiKey: DEMO_API_KEY.name,
        markedAfterSeeding: true,
      }),
    );
    return;
  }
  throw new StartRefused(
    'OMS_DEMO=on on a database demo mode did not seed: it has staff accounts of its own, and demo mode would give its ' +
      "warehouses and payment channels the demo's public secrets and endpoints. Start it with OMS_DEMO=off, or give " +
      'demo mode a database of its own (another OMS_DATA_DIR, or an empty one at DATABASE_URL).',
  );
}

/**
 * What demo mode adds to the server: the demo seed on an empty database, the demo warehouses' and payment channels'
 * endpoints at every start (also on a database seeded earlier), the simulators when they are on, and the demo logins
 * in the banner.
 */
export function demoMode(config: Config, demo: DemoConfig): ServerExtension {
  const simulators = demo.simulators ? createSimulators(config, demo) : undefined;
  return {
    prepareDatabase: async (db) => {
      await claimForDemo(db);
      await seedDemoIfEmpty(db, config, demo.orderCount, (line) => logger.info({ component: 'seed' }, line));
      await configureDemoWarehouses(db, config, demo);
      await configureDemoPaymentChannels(db, config, demo);
    },
    routes: simulators?.routes,
    onListening: () => simulators?.start(),
    stopAlongside: () => simulators?.stop(),
    bannerLines: [
      '  demo logins (username / password):',
      ...DEMO_LOGINS.map((login) => `    ${login.role.padEnd(8)} ${login.username} / ${login.password}`),
    ],
  };
}
