// The start command's composition (start.ts sets its defaults first): the server, with the demo when demo mode is on.
// Either way the product's own loader reads the environment; demo mode only brings its values where it sets none.
import { refuseToStart, startServer, StartRefused, type Config } from '@oms/server';
import { loadDemoConfig, type DemoConfig } from './demo-config.js';
import { demoMode, loadStartConfig } from './demo-mode.js';

let config: Config;
let demo: DemoConfig | undefined;
try {
  config = loadStartConfig();
  if (config.demo) {
    try {
      demo = loadDemoConfig();
    } catch (error) {
      throw new StartRefused(`Malformed configuration:\n  ${(error as Error).message}`);
    }
  }
} catch (error) {
  refuseToStart(error);
}
await startServer(config, demo ? demoMode(config, demo) : undefined);
