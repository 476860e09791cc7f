import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { startServer } from '../server.js';
import { loadDemoConfig } from './demo-config.js';
import { demoMode, demoServerConfig } from './demo-mode.js';

const config = loadConfig();
if (config.demo) {
  const inDemoMode = demoServerConfig(config);
  await startServer(inDemoMode, demoMode(inDemoMode, loadDemoConfig()));
} else {
  await startServer(config);
}
