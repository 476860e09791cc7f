import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_PERSONAL_DATA_KEY, E2E_SERVERS } from './servers.js';

// Debian's Chromium where it exists (Playwright cannot download its own browser here); Playwright's elsewhere.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const PORT = E2E_SERVERS[0]!.port;
export const BASE_URL = `http://localhost:${PORT}`;
/** The second product, with the demo simulators running. */
export const LIVING_DEMO_URL = `http://localhost:${PORT + 1}`;

// A data directory of this run's own, so the browser tests start from a freshly seeded demo.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'oms-e2e-'));

/** The product as `pnpm start` runs it, its output (JSON log lines and the banner) to its log file. */
const startCommand = (logFile: string) => `node ../packages/demo/dist/start.js > '${logFile}' 2>&1`;

export default defineConfig({
  testDir: './tests',
  // After every spec: no receiver phone or street address in the servers' logs (docs/reliability.md "privacy").
  globalTeardown: './privacy-log-check.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: './test-results',
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
  // The product as the README starts it (built), in demo mode with the simulators off so nothing moves an order
  // while a test looks at it.
  webServer: [
    {
      command: startCommand(E2E_SERVERS[0]!.logFile),
      url: `${BASE_URL}/readyz`,
      timeout: 240_000,
      reuseExistingServer: !process.env.CI && process.env.E2E_REUSE === '1',
      stdout: 'pipe',
      env: {
        PORT: String(PORT),
        OMS_EMBEDDED_PG_PORT: String(E2E_SERVERS[0]!.pgPort),
        OMS_DEMO: 'on',
        OMS_PERSONAL_DATA_KEY: E2E_PERSONAL_DATA_KEY,
        OMS_SIMULATORS: 'off',
        OMS_DATA_DIR: dataDir,
        OMS_DEMO_ORDERS: process.env.E2E_DEMO_ORDERS ?? '1500',
      },
    },
    // The living demo (issue 5): simulators on, fifty times faster, no seeded orders; only tests/living-demo.spec.ts
    // talks to it.
    {
      command: startCommand(E2E_SERVERS[1]!.logFile),
      url: `${LIVING_DEMO_URL}/readyz`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(PORT + 1),
        OMS_EMBEDDED_PG_PORT: String(E2E_SERVERS[1]!.pgPort),
        OMS_DEMO: 'on',
        OMS_PERSONAL_DATA_KEY: E2E_PERSONAL_DATA_KEY,
        OMS_SIMULATORS: 'on',
        OMS_SIMULATOR_SPEED: '50',
        OMS_DATA_DIR: mkdtempSync(join(tmpdir(), 'oms-e2e-living-')),
        OMS_DEMO_ORDERS: '0',
      },
    },
  ],
});
