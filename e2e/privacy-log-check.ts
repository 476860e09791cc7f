import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { E2E_PERSONAL_DATA_KEY, E2E_SERVERS } from './servers.js';

const CHECK = fileURLToPath(new URL('../packages/server/dist/logging/privacy-log-check.js', import.meta.url));

/**
 * Playwright's global teardown, after every spec and while both servers still run (docs/reliability.md test plan,
 * "privacy"): every receiver phone and street address in the two servers' databases is searched for, exactly, in
 * their logs (e2e/.logs/<port>.log); one hit fails the run. The server's own script does the search, so it reads the
 * data as the server stores it.
 */
export default function privacyLogCheck(): void {
  const logs = E2E_SERVERS.map((s) => s.logFile).filter((file) => existsSync(file));
  if (logs.length < E2E_SERVERS.length) {
    // A reused server (E2E_REUSE=1) was started elsewhere and logs elsewhere: nothing of ours to check.
    console.log(`privacy log check skipped: no log file of this run's servers (${E2E_SERVERS[0]!.logFile})`);
    return;
  }
  const args = E2E_SERVERS.flatMap((s) => ['--database', s.databaseUrl, '--log', s.logFile]);
  execFileSync(process.execPath, [CHECK, ...args], {
    stdio: 'inherit',
    env: { ...process.env, OMS_PERSONAL_DATA_KEY: E2E_PERSONAL_DATA_KEY },
  });
}
