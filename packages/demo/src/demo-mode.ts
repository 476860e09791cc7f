import { logger, type Config, type ServerExtension } from '@oms/server';
import type { DemoConfig } from './demo-config.js';
import { DEMO_KUAIDI100_SALT, DEMO_LOGINS } from './seed/demo-accounts.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import {
  configureDemoPaymentChannels,
  configureDemoWarehouses,
  createSimulators,
} from './simulators/index.js';

/** The product's configuration in demo mode: the demo Kuaidi100 salt unless OMS_KUAIDI100_SALT sets one. */
export function demoServerConfig(config: Config): Config {
  return { ...config, kuaidi100Salt: config.kuaidi100Salt || DEMO_KUAIDI100_SALT };
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
