// The product on its own (`pnpm --filter @oms/server serve`): no demo data, no simulators. The demo start command
// (packages/demo) composes the same server with the demo.
import 'reflect-metadata';
import { loadConfig } from './config.js';
import { logger } from './logging/logger.js';
import { startServer } from './server.js';

const config = loadConfig();
if (config.demo) {
  logger.fatal(
    'OMS_DEMO=on needs the start command (pnpm start), which adds the demo; this entry runs the product alone',
  );
  process.exit(1);
}
await startServer(config);
