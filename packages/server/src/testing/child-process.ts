import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A built entry point (a server's, a worker's, a start command's) running as a child process, as in production. */
export interface ProductProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Its exit code (or the signal's name) once it exits. */
  readonly exited: Promise<number | string>;
  /** Sends `signal` (unless it is gone already) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

const running = new Set<ChildProcess>();
// A test that fails half-way must not leave its children behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Runs the script `script` (an absolute path) with `env` on top of this process's environment. */
export function spawnScript(script: string, env: Record<string, string>): ProductProcess {
  if (!existsSync(script)) throw new Error(`${script} is missing: run pnpm build`);
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  return {
    child,
    pid: child.pid!,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Waits until `text` appears in the process's output. */
export async function outputContains(product: ProductProcess, text: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!product.output().includes(text)) {
    if (Date.now() > until) throw new Error(`"${text}" never appeared:\n${product.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
