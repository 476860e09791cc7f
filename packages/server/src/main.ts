// The product on its own (`pnpm --filter @oms/server serve`): no demo data, no simulators, and OMS_DEMO=on refused
// (loadConfig). The demo start command (packages/demo) composes the same server with the demo.
import 'reflect-metadata';
import { loadConfig, refuseToStart, type Config } from './config.js';
import { startServer } from './server.js';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  refuseToStart(error);
}
await startServer(config);
