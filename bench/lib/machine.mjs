// What else the machine is doing while a benchmark measures: CPU from Linux /proc, busy sessions of other databases
// in MariaDB. Shared by the benchmarks, so each states its load the same way.
import { readdirSync, readFileSync } from 'node:fs';

export const CLK_TCK = 100; // USER_HZ on Linux x86-64 and arm64

/** utime + stime of one process, in ticks; null when it is gone. */
export function ticksOf(pid) {
  if (pid == null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return null;
  }
}

/** utime + stime and command line of every process (to name what else ran during a measurement). */
export function allProcessTicks() {
  const out = new Map();
  let dirs = [];
  try {
    dirs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const d of dirs) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ').trim().slice(0, 120) || stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      out.set(Number(d), { ticks: Number(f[11]) + Number(f[12]), cmd });
    } catch {
      /* exited */
    }
  }
  return out;
}

/** Busy ticks of the whole machine (all CPUs): user + nice + system + irq + softirq + steal. */
export function systemBusyTicks() {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    return user + nice + system + irq + softirq + (steal || 0);
  } catch {
    return null;
  }
}

/** The pid of the first process whose command name is `comm` (e.g. mariadbd). */
export function findPid(comm) {
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === comm) return Number(d);
      } catch {
        /* gone */
      }
    }
  } catch {
    /* no /proc */
  }
  return null;
}

/** Samples, twice a second, how many sessions of other databases are executing something in MariaDB. */
export function sampleOtherDbSessions(admin, dbName) {
  if (!admin) return { stop: async () => null };
  const counts = [];
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const [[{ n }]] = await admin.query(
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE COMMAND NOT IN ('Sleep', 'Daemon', 'Binlog Dump') AND ID <> CONNECTION_ID() AND COALESCE(DB, '') <> ?",
        [dbName],
      );
      counts.push(Number(n));
    } catch {
      /* ignore */
    } finally {
      busy = false;
    }
  }, 500);
  return {
    async stop() {
      clearInterval(timer);
      while (busy) await new Promise((r) => setTimeout(r, 20));
      return counts.length ? +(counts.reduce((a, b) => a + b, 0) / counts.length).toFixed(2) : null;
    },
  };
}
