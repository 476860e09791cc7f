import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort, outputContains, spawnScript } from '@oms/server/testing';
import { describe, expect, it } from 'vitest';

// The start command as `pnpm start` runs it (dist/start.js, built), in a process of its own.
const START = fileURLToPath(new URL('../dist/start.js', import.meta.url));

describe('SIGTERM to the start command (embedded PostgreSQL)', () => {
  it('stops the embedded PostgreSQL it started and exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oms-shutdown-'));
    try {
      const port = await findFreePort();
      const product = spawnScript(START, {
        // The embedded server is the point here, also when the suite itself runs against DATABASE_URL (CI's pass 2).
        DATABASE_URL: '',
        OMS_APP_DATABASE_URL: '',
        PORT: String(port),
        OMS_DATA_DIR: dataDir,
        OMS_DEMO_ORDERS: '0',
        OMS_SIMULATORS: 'off',
        OMS_SHUTDOWN_DRAIN_MS: '200',
      });
      await outputContains(product, 'OMS ready', 90_000);
      const postmaster = join(dataDir, 'pg', 'postmaster.pid');
      const pgPid = Number(readFileSync(postmaster, 'utf8').split('\n')[0]);
      expect(alive(pgPid)).toBe(true);
      expect(await product.stop('SIGTERM'), product.output()).toBe(0);
      expect(product.output()).toContain('SIGTERM: stopped cleanly');
      expect(alive(pgPid)).toBe(false);
      expect(existsSync(postmaster)).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
