// What the Node.js load drivers of the benchmarks measure with: time, latency summaries, and the CPU time a
// process and PostgreSQL spend, read from /proc (Linux).

import { readFileSync, readdirSync } from 'node:fs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Epoch milliseconds with a fraction, from the monotonic clock (a receiver using the same can time arrivals). */
export const now = () => performance.timeOrigin + performance.now();

export const round = (value) => (value === null || value === undefined ? null : Math.round(value * 100) / 100);

/** The q-th percentile (nearest rank) of ascending `sorted`, or null when it is empty. */
export function percentile(sorted, q) {
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)];
}

/** Count, p50, p99 and max of latencies in milliseconds. */
export function summary(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    count: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(percentile(sorted, 100)),
  };
}

const TICKS_PER_SECOND = 100;  // USER_HZ, Linux's unit of CPU time in /proc

function processTimes(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/**
 * CPU time used so far (in ticks) by the process measured (`pid`) and by PostgreSQL (POSTMASTER_PID: its own, its
 * ended children's and each live backend's, whoever's they are), or null when the run did not say.
 */
export function cpuNow(pid) {
  const postmaster = Number(process.env.POSTMASTER_PID);
  if (!pid || !postmaster) {
    return null;
  }
  const master = processTimes(postmaster);
  let postgres = master.own + master.children;
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry)) {
      const times = processTimes(entry);
      if (times?.parent === postmaster) postgres += times.own;
    }
  }
  return { service: processTimes(pid).own, postgres };
}

/** CPU µs per unit of work between two cpuNow() readings, per process. */
export function cpuPer(before, after, units) {
  if (!before || !after || units === 0) {
    return { serviceCpuMicros: null, postgresCpuMicros: null };
  }
  const micros = (ticks) => Math.round((ticks * 1e6) / TICKS_PER_SECOND / units);
  return { serviceCpuMicros: micros(after.service - before.service), postgresCpuMicros: micros(after.postgres - before.postgres) };
}
