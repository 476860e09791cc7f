import { inject } from 'vitest';
import type { Config } from '../../src/config.js';
import { startTestServer as startOn, type TestServer } from '../../src/testing/index.js';

export { loginAs } from '../../src/testing/index.js';
export type { TestServer };

/** The product alone on a free port over a fresh database of its own (src/testing/test-server.ts). */
export const startTestServer = (overrides: Partial<Config> = {}): Promise<TestServer> =>
  startOn(inject('adminUrl'), overrides);
