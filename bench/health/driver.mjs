// The load side of the health benchmark (see README.md). Each mode prints one JSON line with its figures:
//
//   node driver.mjs setup    <service url> <work dir>                  TARGETS http targets at INTERVAL on TARGETS_URL
//   node driver.mjs schedule <service url> <work dir> <postgres url>   scheduling lag, checks/s, CPU per check
//   node driver.mjs history  <service url> <work dir> <postgres url>   30 days of hour rollups for the bench's targets, sizes
//   node driver.mjs read     <service url> <work dir> <path> [n]       autocannon on GET <path> as a viewer, n connections
//
// The work dir holds admin.token and viewer.token (one tenant) and setup.json, written by setup.
// Settings (environment): TARGETS (1000), INTERVAL (10s), TIMEOUT (2s), TARGETS_URL (the target server's base URL),
// WARMUP (s, 30), DURATION (s, 60), CONNECTIONS (16); SERVICE_PID and POSTMASTER_PID for the CPU time per check.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { call } from '../lib/http.mjs';
import { cpuNow as cpuOf, cpuPer, round, sleep } from '../lib/measure.mjs';

const settings = {
  targets: Number(process.env.TARGETS ?? 1000),
  interval: process.env.INTERVAL ?? '10s',
  timeout: process.env.TIMEOUT ?? '2s',
  targetsUrl: process.env.TARGETS_URL ?? 'http://127.0.0.1:31189',
  warmupSeconds: Number(process.env.WARMUP ?? 30),
  durationSeconds: Number(process.env.DURATION ?? 60),
  connections: Number(process.env.CONNECTIONS ?? 16),
};
const cpuNow = () => cpuOf(Number(process.env.SERVICE_PID));

const token = (work, role) => readFileSync(join(work, `${role}.token`), 'utf8').trim();

async function setup(serviceUrl, work) {
  const admin = token(work, 'admin');
  let created = 0;
  let next = 0;
  const failures = [];
  async function worker() {
    while (next < settings.targets) {
      const i = next++;
      const answer = await call(serviceUrl, 'POST', '/api/v1/targets', admin, {
        name: `bench-${i}`, group: `group-${i % 20}`, url: `${settings.targetsUrl}/t/${i}/health`,
        interval: settings.interval, timeout: settings.timeout, conditions: ['[STATUS] == 200', '[BODY] == ok'],
      });
      if (answer.status === 201) created++; else failures.push(`${answer.status} ${answer.text.slice(0, 200)}`);
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker));
  const page = await call(serviceUrl, 'PUT', '/api/v1/status-page', admin, { slug: 'bench', title: 'Bench', enabled: true });
  if (page.status !== 200) failures.push(`status page: ${page.status} ${page.text.slice(0, 200)}`);
  const result = { targets: created, interval: settings.interval, timeout: settings.timeout, failures: failures.length,
    firstFailure: failures[0] ?? null };
  writeFileSync(join(work, 'setup.json'), JSON.stringify(result));
  return result;
}

/** The cumulative buckets (le in seconds -> count) and the count of a Prometheus histogram. */
async function histogram(serviceUrl, name) {
  const text = (await call(serviceUrl, 'GET', '/q/metrics', '')).text;
  const buckets = new Map();
  let count = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}_bucket{`)) {
      const le = /le="([^"]+)"/.exec(line)[1];
      buckets.set(le === '+Inf' ? Infinity : Number(le), Number(line.slice(line.lastIndexOf(' ') + 1)));
    } else if (line.startsWith(`${name}_count`)) {
      count = Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return { buckets, count };
}

/** The q-th percentile, in ms, of the observations between two readings: the upper bound of its bucket. */
function bucketPercentile(before, after, q) {
  const total = after.count - before.count;
  if (total <= 0) return null;
  const bounds = [...after.buckets.keys()].sort((a, b) => a - b);
  for (const le of bounds) {
    if (after.buckets.get(le) - (before.buckets.get(le) ?? 0) >= (q / 100) * total) {
      return le === Infinity ? Infinity : round(le * 1000);
    }
  }
  return null;
}

async function schedule(serviceUrl, work, postgresUrl) {
  const intervalMs = Number(/^(\d+)s$/.exec(settings.interval)?.[1] ?? NaN) * 1000;
  await sleep(settings.warmupSeconds * 1000);
  const db = new pg.Client({ connectionString: postgresUrl });
  await db.connect();
  const lagBefore = await histogram(serviceUrl, 'flotilla_health_check_lag_seconds');
  const cpuBefore = cpuNow();
  const from = new Date();
  await sleep(settings.durationSeconds * 1000);
  const to = new Date();
  const cpuAfter = cpuNow();
  const lagAfter = await histogram(serviceUrl, 'flotilla_health_check_lag_seconds');
  const checks = lagAfter.count - lagBefore.count;
  // Each target checked once per interval: in a window of DURATION, DURATION / INTERVAL checks (one more or fewer
  // at the window's edges); a target outside that was skipped or checked twice.
  const expected = (settings.durationSeconds * 1000) / intervalMs;
  const counts = (await db.query(`
      select t.name, count(r.id)::int as checks, count(r.id) filter (where r.status = 'DOWN')::int as down
        from health.targets t left join health.results r
          on r.tenant_id = t.tenant_id and r.target_id = t.id and r.at >= $1 and r.at < $2
       where t.name like 'bench-%' group by t.name`, [from, to])).rows;
  await db.end();
  const perTarget = counts.map((row) => row.checks);
  return {
    checks,
    checksPerSecond: round(checks / settings.durationSeconds),
    expectedPerSecond: round(settings.targets / (intervalMs / 1000)),
    lagP50Ms: bucketPercentile(lagBefore, lagAfter, 50),
    lagP99Ms: bucketPercentile(lagBefore, lagAfter, 99),
    lagMaxBucketMs: bucketPercentile(lagBefore, lagAfter, 100),
    expectedChecksPerTarget: expected,
    minChecksPerTarget: Math.min(...perTarget),
    maxChecksPerTarget: Math.max(...perTarget),
    targetsOffSchedule: perTarget.filter((n) => n < expected - 1 || n > expected + 1).length,
    downResults: counts.reduce((sum, row) => sum + row.down, 0),
    ...cpuPer(cpuBefore, cpuAfter, checks),
  };
}

/**
 * A month of history as the rollup job would have left it: an hour rollup per target and hour of the 30 days before
 * the hour mark (360 checks each, one failing in every 50 hours), then the tables' sizes.
 */
async function history(serviceUrl, work, postgresUrl) {
  const db = new pg.Client({ connectionString: postgresUrl });
  await db.connect();
  const started = Date.now();
  const inserted = await db.query(`
      insert into health.rollups_hour (tenant_id, target_id, bucket, checks, failures, latency_min, latency_max, p50, p95, p99)
      select t.tenant_id, t.id, hour, 360, case when (extract(epoch from hour)::bigint / 3600 + t.name_number) % 50 = 0 then 1 else 0 end,
             1, 40, 3, 8, 20
        from (select tenant_id, id, substring(name from 7)::int as name_number from health.targets where name like 'bench-%') t,
             generate_series(date_trunc('hour', coalesce((select through from health.rollup_marks where level = 'hour'), now()))
                             - interval '30 days',
                             date_trunc('hour', coalesce((select through from health.rollup_marks where level = 'hour'), now()))
                             - interval '1 hour', interval '1 hour') as hour
      on conflict do nothing`);
  await db.query('analyze health.rollups_hour');
  const sizes = (await db.query(`
      select c.relname as name, pg_total_relation_size(c.oid) as bytes, c.reltuples::bigint as rows
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'health' and c.relkind = 'r' order by 2 desc`)).rows;
  const database = (await db.query('select pg_database_size(current_database()) as bytes')).rows[0].bytes;
  await db.end();
  const mib = (bytes) => round(Number(bytes) / 1024 / 1024);
  return {
    hourRollupsInserted: inserted.rowCount,
    seconds: round((Date.now() - started) / 1000),
    databaseMiB: mib(database),
    tables: Object.fromEntries(sizes.map((row) => [row.name, { mib: mib(row.bytes), rows: Number(row.rows) }])),
  };
}

async function read(serviceUrl, work, path, connections) {
  const viewer = token(work, 'viewer');
  const run = (duration) => autocannon({
    url: new URL(path, serviceUrl).toString(), connections, duration,
    headers: path.startsWith('/status/') ? {} : { authorization: `Bearer ${viewer}` },
  });
  await run(Math.max(1, Math.round(settings.warmupSeconds / 3)));
  const cpuBefore = cpuNow();
  const result = await run(settings.durationSeconds);
  const cpuAfter = cpuNow();
  return {
    path,
    connections,
    requestsPerSecond: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    bytesPerAnswer: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : null,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    ...cpuPer(cpuBefore, cpuAfter, result.requests.total),
  };
}

const [mode, serviceUrl, work, extra, connections] = process.argv.slice(2);
const modes = { setup: () => setup(serviceUrl, work), schedule: () => schedule(serviceUrl, work, extra),
  history: () => history(serviceUrl, work, extra),
  read: () => read(serviceUrl, work, extra, Number(connections ?? settings.connections)) };
if (!modes[mode]) {
  console.error(`unknown mode ${mode}: setup, schedule, history or read`);
  process.exit(2);
}
console.log(JSON.stringify(await modes[mode]()));
process.exit(0);
