// CPU seconds of the server, its PostgreSQL and the load generator over a measured stretch, read from /proc: how the
// bench names a bottleneck. PostgreSQL counts the postmaster, its live backends and (through the postmaster's
// cutime/cstime) the backends that already exited.
import { readdirSync, readFileSync } from 'node:fs';

const TICK = 100; // USER_HZ on Linux

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17, ppid field 4.
    return {
      ppid: Number(fields[1]),
      own: Number(fields[11]) + Number(fields[12]),
      children: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null;
  }
}

/** The postmaster's pid from its data directory. */
export function postmasterPid(pgDataDir) {
  try {
    return Number(readFileSync(`${pgDataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

function pgTicks(postmaster) {
  if (!postmaster) return 0;
  const main = stat(postmaster);
  if (!main) return 0;
  let ticks = main.own + main.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(entry);
    if (s && s.ppid === postmaster) ticks += s.own;
  }
  return ticks;
}

/** Ticks of one process and the children it has reaped. */
function processTicks(pid) {
  const s = pid ? stat(pid) : null;
  return s ? s.own + s.children : 0;
}

/**
 * Starts measuring; `stop()` returns CPU seconds of the server, PostgreSQL and the load generator (this process and
 * the children it reaped), with the wall time and each as a share of one core.
 */
export function cpuMeter({ serverPid, postmaster }) {
  const wall0 = performance.now();
  const server0 = processTicks(serverPid);
  const pg0 = pgTicks(postmaster);
  // The bench process with the load-generator processes it started and reaped.
  const self0 = processTicks(process.pid);
  return {
    stop() {
      const wall = (performance.now() - wall0) / 1000;
      const out = {
        wallSeconds: round(wall),
        serverCpu: round((processTicks(serverPid) - server0) / TICK),
        postgresCpu: round((pgTicks(postmaster) - pg0) / TICK),
        loadGeneratorCpu: round((processTicks(process.pid) - self0) / TICK),
      };
      out.cores = {
        server: round(out.serverCpu / wall),
        postgres: round(out.postgresCpu / wall),
        loadGenerator: round(out.loadGeneratorCpu / wall),
      };
      return out;
    },
  };
}

const round = (n) => Math.round(n * 100) / 100;
