// The start command's composition (start.ts sets its defaults first): the server, with the demo when demo mode is on.
import { loadConfig, startServer } from '@oms/server';
import { loadDemoConfig } from './demo-config.js';
import { demoMode, demoServerConfig } from './demo-mode.js';

const config = loadConfig();
if (config.demo) {
  const inDemoMode = demoServerConfig(config);
  await startServer(inDemoMode, demoMode(inDemoMode, loadDemoConfig()));
} else {
  await startServer(config);
}
