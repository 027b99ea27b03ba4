// The load side of the config benchmark (see README.md). Each mode prints one JSON line with its
// figures to stdout:
//
//   node driver.mjs setup <work dir>            the same flags in config-service and Unleash, checked to agree; the namespace
//   node driver.mjs load <target> <work dir>    autocannon on one target: ofrep-single, ofrep-bulk, unleash-frontend,
//                                               unleash-client, resolved
//   node driver.mjs watch <work dir>            change on replica A -> blocking query answered on replica B
//
// The work dir holds admin.token (role admin: writes the flags, the API key, the namespace and its
// entries) and service.token (role service: reads and watches the resolved view), and setup.json,
// written by setup.
//
// Settings (environment): CONFIG_A_URL, CONFIG_B_URL (the two config-service replicas), UNLEASH_URL,
// UNLEASH_ADMIN_TOKEN, UNLEASH_BACKEND_TOKEN, UNLEASH_FRONTEND_TOKEN; FLAGS (350), CONTEXTS (1000),
// ENTRIES (100), CONNECTIONS (32), WARMUP (s, 10), DURATION (s, 20), WATCHERS (20), CHANGES (100),
// WATCH_WARMUP (changes, 20), CHANGE_INTERVAL (ms, 200), WATCH_WAIT (s, 60); CONFIG_PID, UNLEASH_PID and
// POSTMASTER_PID, when given, for the CPU time per request.

import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuNow, cpuPer, now, round, sleep, summary } from '../lib/measure.mjs';
import {
  configFlag, configSegment, contexts, hasRollout, model, UNLEASH_CONTEXT_FIELDS, unleashConstraint, unleashStrategies,
  unleashValue,
} from './flags.mjs';

const settings = {
  configA: process.env.CONFIG_A_URL ?? 'http://127.0.0.1:31088',
  configB: process.env.CONFIG_B_URL ?? 'http://127.0.0.1:31089',
  unleash: process.env.UNLEASH_URL ?? 'http://127.0.0.1:31242',
  unleashAdmin: process.env.UNLEASH_ADMIN_TOKEN,
  unleashBackend: process.env.UNLEASH_BACKEND_TOKEN,
  unleashFrontend: process.env.UNLEASH_FRONTEND_TOKEN,
  flags: Number(process.env.FLAGS ?? 350),
  contexts: Number(process.env.CONTEXTS ?? 1000),
  entries: Number(process.env.ENTRIES ?? 100),
  connections: Number(process.env.CONNECTIONS ?? 32),
  warmupSeconds: Number(process.env.WARMUP ?? 10),
  durationSeconds: Number(process.env.DURATION ?? 20),
  watchers: Number(process.env.WATCHERS ?? 20),
  changes: Number(process.env.CHANGES ?? 100),
  watchWarmup: Number(process.env.WATCH_WARMUP ?? 20),
  changeInterval: Number(process.env.CHANGE_INTERVAL ?? 200),
  watchWait: Number(process.env.WATCH_WAIT ?? 60),
};

const ENV = 'prod';
const UNLEASH_ENV = 'production';
const UNLEASH_PROJECT = 'default';
const NAMESPACE = 'bench';
const WATCHED_KEY = 'watch.counter';
// An SDK's wait for its next poll: unleash-client's default refreshInterval (and that of Unleash's other SDKs).
const UNLEASH_POLL_MS = 15_000;
const UNLEASH_PROBES = 5;

function client(baseUrl, maxSockets, defaults = {}) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  function call(method, path, body, headers = {}) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = http.request({
        host: url.hostname, port: url.port, path, method, agent,
        headers: {
          accept: 'application/json',
          ...defaults,
          ...headers,
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: kept as text for the error message
          }
          resolve({ status: response.statusCode, headers: response.headers, body: parsed, bytes: Buffer.byteLength(text) });
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(payload);
    });
  }
  async function expect(statuses, method, path, body, headers) {
    const answer = await call(method, path, body, headers);
    if (![statuses].flat().includes(answer.status)) {
      throw new Error(`${method} ${baseUrl}${path} answered ${answer.status}, expected ${statuses}: ${JSON.stringify(answer.body).slice(0, 500)}`);
    }
    return answer;
  }
  return { call, expect, close: () => agent.destroy() };
}

/** Runs `task` over `items`, `parallel` at a time. */
async function each(items, parallel, task) {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await task(item);
    }
  }));
}

function tokens(workDir) {
  return {
    admin: readFileSync(join(workDir, 'admin.token'), 'utf8').trim(),
    service: readFileSync(join(workDir, 'service.token'), 'utf8').trim(),
  };
}

const bodyOf = (context) => JSON.stringify({ context });
const frontendQuery = (context) => {
  const { targetingKey, ...attributes } = context;
  return `/api/frontend?${new URLSearchParams({ userId: targetingKey, ...Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, String(v)])) })}`;
};

// ---- setup ----------------------------------------------------------------------------------------

async function setupConfig(workDir, flagModel) {
  const { admin } = tokens(workDir);
  const config = client(settings.configA, 8, { authorization: `Bearer ${admin}` });
  try {
    for (const [key, conditions] of Object.entries(flagModel.segments)) {
      await config.expect(201, 'PUT', `/api/v1/segments/${key}`, configSegment(key, conditions));
    }
    let definitionBytes = Object.entries(flagModel.segments)
      .reduce((sum, [key, conditions]) => sum + Buffer.byteLength(JSON.stringify(configSegment(key, conditions))), 0);
    await each(flagModel.flags, 4, async (flag) => {
      const definition = configFlag(flag);
      definitionBytes += Buffer.byteLength(JSON.stringify(definition));
      await config.expect(201, 'PUT', `/api/v1/flags/${encodeURIComponent(flag.key)}?env=${ENV}`, definition);
    });
    const apiKey = (await config.expect(201, 'POST', '/api/v1/api-keys', { name: 'config benchmark', environment: ENV })).body.key;

    // The namespace the resolved view and the watchers read: ENTRIES keys of every type, a third of
    // them with a value of their own in prod, the rest inherited from the namespace default.
    await config.expect(201, 'POST', '/api/v1/namespaces', { name: NAMESPACE, description: 'config benchmark' });
    const entries = [];
    for (let i = 0; i < settings.entries - 1; i++) {
      const kind = i % 4;
      const entry = kind === 0 ? { type: 'string', value: `value-${i}-${'x'.repeat(i % 40)}` }
        : kind === 1 ? { type: 'number', value: i * 7 }
          : kind === 2 ? { type: 'boolean', value: i % 3 === 0 }
            : { type: 'json', value: { hosts: [`db-${i}.internal`, `db-${i + 1}.internal`], pool: { min: 2, max: 10 + i } } };
      entries.push({ key: `service-${i % 10}.setting-${i}`, env: null, ...entry });
      if (i % 3 === 0) entries.push({ key: `service-${i % 10}.setting-${i}`, env: ENV, ...entry, value: entry.type === 'number' ? entry.value + 1 : entry.value });
    }
    entries.push({ key: WATCHED_KEY, env: ENV, type: 'number', value: 0 });
    await each(entries, 4, async (entry) => {
      const query = entry.env ? `?env=${entry.env}` : '';
      await config.expect(201, 'PUT', `/api/v1/namespaces/${NAMESPACE}/entries/${encodeURIComponent(entry.key)}${query}`,
        { type: entry.type, value: entry.value, description: 'benchmark entry' });
    });
    return { apiKey, definitionBytes, entryWrites: entries.length };
  } finally {
    config.close();
  }
}

async function setupUnleash(flagModel) {
  const unleash = client(settings.unleash, 8, { authorization: settings.unleashAdmin });
  try {
    for (const name of UNLEASH_CONTEXT_FIELDS) {
      await unleash.expect(201, 'POST', '/api/admin/context', { name, description: `benchmark ${name}`, stickiness: false });
    }
    const segmentIds = {};
    for (const [key, conditions] of Object.entries(flagModel.segments)) {
      const created = await unleash.expect(201, 'POST', '/api/admin/segments',
        { name: key, description: `benchmark ${key}`, constraints: conditions.map(unleashConstraint) });
      segmentIds[key] = created.body.id;
    }
    const features = `/api/admin/projects/${UNLEASH_PROJECT}/features`;
    let strategyCount = 0;
    await each(flagModel.flags, 4, async (flag) => {
      await unleash.expect(201, 'POST', features, { name: flag.key, type: 'release', description: flag.description });
      const strategies = unleashStrategies(flag, segmentIds);
      for (const strategy of strategies) {
        await unleash.expect(200, 'POST', `${features}/${encodeURIComponent(flag.key)}/environments/${UNLEASH_ENV}/strategies`, strategy);
        strategyCount++;
      }
      // A toggle without strategies stays off: switching it on would add Unleash's default strategy.
      if (flag.enabled && strategies.length > 0) {
        await unleash.expect(200, 'POST', `${features}/${encodeURIComponent(flag.key)}/environments/${UNLEASH_ENV}/on`);
      }
    });
    return { strategies: strategyCount, segments: Object.keys(segmentIds).length };
  } finally {
    unleash.close();
  }
}

/**
 * Both services' answers for `sample` contexts, flag by flag. Flags whose answer can come from a
 * rollout are left out (each service hashes users to buckets its own way); every other flag must answer
 * the same value. Unleash's frontend API reads its flags from a cache it refreshes itself: the check is
 * repeated until both agree or 60 s pass.
 */
async function crossCheck(flagModel, apiKey, sample) {
  const config = client(settings.configA, 4, { 'x-api-key': apiKey });
  const unleash = client(settings.unleash, 4, { authorization: settings.unleashFrontend });
  const comparable = flagModel.flags.filter((flag) => !hasRollout(flag));
  const until = now() + 60_000;
  try {
    for (;;) {
      let mismatches = 0;
      let firstMismatch = null;
      let compared = 0;
      let bulkBytes = 0;
      let frontendBytes = 0;
      let frontendToggles = 0;
      let bulkFlags = 0;
      for (const context of sample) {
        const bulk = await config.expect(200, 'POST', '/ofrep/v1/evaluate/flags', { context });
        const frontend = await unleash.expect(200, 'GET', frontendQuery(context));
        bulkBytes += bulk.bytes;
        frontendBytes += frontend.bytes;
        bulkFlags += bulk.body.flags.length;
        frontendToggles += frontend.body.toggles.length;
        const ours = new Map(bulk.body.flags.map((answer) => [answer.key, answer]));
        const theirs = new Map(frontend.body.toggles.map((toggle) => [toggle.name, toggle]));
        for (const flag of comparable) {
          const expected = ours.get(flag.key)?.value;
          const actual = unleashValue(flag, theirs.get(flag.key));
          compared++;
          if (expected !== actual) {
            mismatches++;
            firstMismatch ??= { flag: flag.key, context, config: ours.get(flag.key), unleash: theirs.get(flag.key) ?? null };
          }
        }
      }
      if (mismatches === 0 || now() > until) {
        return {
          crossCheckedContexts: sample.length, comparableFlags: comparable.length, compared, mismatches, firstMismatch,
          bulkFlagsPerAnswer: round(bulkFlags / sample.length), bulkBytesPerAnswer: Math.round(bulkBytes / sample.length),
          frontendTogglesPerAnswer: round(frontendToggles / sample.length), frontendBytesPerAnswer: Math.round(frontendBytes / sample.length),
        };
      }
      await sleep(1000);
    }
  } finally {
    config.close();
    unleash.close();
  }
}

async function setup(workDir) {
  const flagModel = model({ flags: settings.flags });
  const ours = await setupConfig(workDir, flagModel);
  const theirs = await setupUnleash(flagModel);
  const backend = client(settings.unleash, 1, { authorization: settings.unleashBackend });
  const definitions = await backend.expect(200, 'GET', '/api/client/features');
  backend.close();
  const check = await crossCheck(flagModel, ours.apiKey, contexts(50, 7));
  const written = { apiKey: ours.apiKey, flagKeys: flagModel.flags.map((flag) => flag.key) };
  writeFileSync(join(workDir, 'setup.json'), JSON.stringify(written));
  return {
    flags: flagModel.flags.length,
    types: flagModel.flags.reduce((counts, flag) => ({ ...counts, [flag.type]: (counts[flag.type] ?? 0) + 1 }), {}),
    withRollout: flagModel.flags.filter(hasRollout).length,
    switchedOff: flagModel.flags.filter((flag) => !flag.enabled).length,
    segments: Object.keys(flagModel.segments).length,
    configDefinitionBytes: ours.definitionBytes,
    unleashStrategies: theirs.strategies,
    unleashClientFeatures: definitions.body.features.length,
    unleashClientBytes: definitions.bytes,
    entryWrites: ours.entryWrites,
    ...check,
  };
}

// ---- load -----------------------------------------------------------------------------------------

/** What autocannon sends for a target: base URL, headers, and one request template varied per request. */
function target(name, workDir) {
  const written = JSON.parse(readFileSync(join(workDir, 'setup.json'), 'utf8'));
  const pool = contexts(settings.contexts);
  const bodies = pool.map(bodyOf);
  const queries = pool.map(frontendQuery);
  let n = 0;
  const nextContext = () => n++ % pool.length;
  switch (name) {
    case 'ofrep-single': {
      const paths = written.flagKeys.map((key) => `/ofrep/v1/evaluate/flags/${encodeURIComponent(key)}`);
      let f = 0;
      return {
        url: settings.configA, pid: process.env.CONFIG_PID, evaluationsPerRequest: 1,
        headers: { 'x-api-key': written.apiKey, 'content-type': 'application/json' },
        request: { method: 'POST', setupRequest: (request) => ({ ...request, path: paths[f++ % paths.length], body: bodies[nextContext()] }) },
      };
    }
    case 'ofrep-bulk':
      return {
        url: settings.configA, pid: process.env.CONFIG_PID, evaluationsPerRequest: written.flagKeys.length,
        headers: { 'x-api-key': written.apiKey, 'content-type': 'application/json' },
        request: { method: 'POST', path: '/ofrep/v1/evaluate/flags', setupRequest: (request) => ({ ...request, body: bodies[nextContext()] }) },
      };
    case 'unleash-frontend':
      return {
        url: settings.unleash, pid: process.env.UNLEASH_PID, evaluationsPerRequest: written.flagKeys.length,
        headers: { authorization: settings.unleashFrontend },
        request: { method: 'GET', setupRequest: (request) => ({ ...request, path: queries[nextContext()] }) },
      };
    case 'unleash-client':
      // What a server SDK fetches on each poll: every definition, evaluated in the SDK (no evaluations here).
      return {
        url: settings.unleash, pid: process.env.UNLEASH_PID, evaluationsPerRequest: 0,
        headers: { authorization: settings.unleashBackend },
        request: { method: 'GET', path: '/api/client/features' },
      };
    case 'resolved': {
      const { service } = tokens(workDir);
      return {
        url: settings.configA, pid: process.env.CONFIG_PID, evaluationsPerRequest: 0,
        headers: { authorization: `Bearer ${service}` },
        request: { method: 'GET', path: `/api/v1/namespaces/${NAMESPACE}/resolved?env=${ENV}` },
      };
    }
    default:
      throw new Error(`unknown target ${name}: ofrep-single, ofrep-bulk, unleash-frontend, unleash-client, resolved`);
  }
}

/** WARMUP s of autocannon on the target, unmeasured, then DURATION s measured, CONNECTIONS connections each. */
async function load(workDir, name) {
  const { default: autocannon } = await import('autocannon');
  const spec = target(name, workDir);
  const options = (duration) => ({
    url: spec.url, connections: settings.connections, duration, headers: spec.headers, requests: [spec.request],
  });
  if (settings.warmupSeconds > 0) {
    await autocannon(options(settings.warmupSeconds));
  }
  const cpuBefore = cpuNow(Number(spec.pid));
  const result = await autocannon(options(settings.durationSeconds));
  const cpuAfter = cpuNow(Number(spec.pid));
  const ok = result['2xx'];
  return {
    phase: name,
    connections: settings.connections,
    seconds: result.duration,
    requests: ok,
    requestsPerSecond: Math.round(ok / result.duration),
    evaluationsPerSecond: spec.evaluationsPerRequest > 0 ? Math.round((ok * spec.evaluationsPerRequest) / result.duration) : null,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    bytesPerAnswer: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : null,
    ...cpuPer(cpuBefore, cpuAfter, ok),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

// ---- watch ----------------------------------------------------------------------------------------

const resolvedPath = `/api/v1/namespaces/${NAMESPACE}/resolved?env=${ENV}`;
const indexOf = (answer) => Number(answer.headers['x-flotilla-index']);

/**
 * Whether replica B holds a blocking query: one naming the current index must wait. A 400, or an answer
 * at once with the same index twice over, means the service does not have the watch protocol.
 */
async function watchAvailable(reader) {
  const current = indexOf(await reader.expect(200, 'GET', resolvedPath));
  for (let attempt = 0; attempt < 2; attempt++) {
    const started = now();
    const answer = await reader.call('GET', `${resolvedPath}&index=${current}&wait=2s`);
    const elapsed = now() - started;
    if (answer.status === 400) {
      return { available: false, reason: `a blocking query answered 400: ${JSON.stringify(answer.body).slice(0, 200)}` };
    }
    if (answer.status >= 300 && answer.status !== 304) {
      return { available: false, reason: `a blocking query answered ${answer.status}` };
    }
    if (elapsed >= 1000 || indexOf(answer) !== current) {
      return { available: true, current };
    }
  }
  return { available: false, reason: `a blocking query with index=${current}&wait=2s answered at once with index ${current}, twice` };
}

/**
 * Unleash's side: a server SDK learns of a change at its next poll, UNLEASH_POLL_MS apart, so it waits
 * 0 … 15 s for it (not simulated). What the server adds before a poll can see a change is measured:
 * a toggle of its own (created here, so that the load phases read only the benchmark's flags) switched
 * through the admin API, then its client API definition read every 10 ms until it shows, UNLEASH_PROBES
 * times.
 */
async function unleashPropagation() {
  const admin = client(settings.unleash, 1, { authorization: settings.unleashAdmin });
  const backend = client(settings.unleash, 1, { authorization: settings.unleashBackend });
  const path = `/api/admin/projects/${UNLEASH_PROJECT}/features/bench.watched/environments/${UNLEASH_ENV}`;
  const delays = [];
  let enabled = false;
  try {
    await admin.expect(201, 'POST', `/api/admin/projects/${UNLEASH_PROJECT}/features`,
      { name: 'bench.watched', type: 'release', description: 'watch probe' });
    for (let i = 0; i < UNLEASH_PROBES; i++) {
      enabled = !enabled;
      const started = now();
      await admin.expect(200, 'POST', `${path}/${enabled ? 'on' : 'off'}`);
      const until = started + 30_000;
      for (;;) {
        const definition = await backend.call('GET', '/api/client/features/bench.watched');
        if (definition.status === 200 && definition.body.enabled === enabled) {
          delays.push(now() - started);
          break;
        }
        if (now() > until) throw new Error('an Unleash toggle did not show in its client API within 30 s');
        await sleep(10);
      }
    }
  } finally {
    admin.close();
    backend.close();
  }
  const serverSide = summary(delays);
  return {
    unleashPollMs: UNLEASH_POLL_MS,
    // A change at a uniformly random moment waits for the next poll: p50 half the interval, p99 99 % of it.
    unleashPollP50Ms: UNLEASH_POLL_MS / 2,
    unleashPollP99Ms: UNLEASH_POLL_MS * 0.99,
    unleashServerP50Ms: serverSide.p50Ms,
    unleashServerMaxMs: serverSide.maxMs,
    unleashServerProbes: serverSide.count,
  };
}

/**
 * WATCHERS blocking queries on replica B, each re-armed with the index of its last answer; a writer on
 * replica A changes WATCHED_KEY every CHANGE_INTERVAL ms (WATCH_WARMUP changes unmeasured, then CHANGES).
 * The namespace's index is gap-free and only the writer changes it meanwhile, so change j has index
 * start + j: a watcher's answer with index x notifies it of every change up to x. Latency of a change at a
 * watcher: its answer's arrival − the moment just before the change's PUT was sent (also reported from
 * the PUT's answer, which a watcher can beat).
 */
async function watch(workDir) {
  const { admin, service } = tokens(workDir);
  const reader = client(settings.configB, settings.watchers + 2, { authorization: `Bearer ${service}` });
  const writer = client(settings.configA, 1, { authorization: `Bearer ${admin}` });
  try {
    const unleash = await unleashPropagation();
    const probe = await watchAvailable(reader);
    if (!probe.available) {
      return { phase: 'watch', status: 'unavailable', reason: probe.reason, ...unleash };
    }
    const entryPath = `/api/v1/namespaces/${NAMESPACE}/entries/${encodeURIComponent(WATCHED_KEY)}?env=${ENV}`;
    let etag = (await writer.expect(200, 'GET', entryPath)).headers.etag;
    const start = indexOf(await reader.expect(200, 'GET', resolvedPath));
    const total = settings.watchWarmup + settings.changes;
    const sentAt = new Map();
    const answeredAt = new Map();
    const arrivals = Array.from({ length: settings.watchers }, () => new Map());
    let stopped = false;
    let failures = 0;
    let firstFailure = null;
    let staleBodies = 0;
    let coalesced = 0;
    let indexMismatches = 0;

    async function watcher(w) {
      let index = start;
      while (!stopped) {
        let answer;
        try {
          answer = await reader.call('GET', `${resolvedPath}&index=${index}&wait=${settings.watchWait}s`);
        } catch (error) {
          if (!stopped) {
            failures++;
            firstFailure ??= String(error);
          }
          return;
        }
        const at = now();
        if (answer.status !== 200 && answer.status !== 304) {
          failures++;
          firstFailure ??= `${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`;
          await sleep(100);
          continue;
        }
        const next = indexOf(answer);
        if (next > index) {
          if (next > index + 1) coalesced++;
          for (let k = index + 1; k <= next; k++) arrivals[w].set(k, at);
          const value = answer.body?.entries?.[WATCHED_KEY]?.value;
          if (value !== next - start) staleBodies++;
          index = next;
        }
      }
    }
    const watching = Array.from({ length: settings.watchers }, (_, w) => watcher(w));
    await sleep(500);  // every watcher's first query held at B

    const begin = now();
    for (let j = 1; j <= total; j++) {
      const due = begin + j * settings.changeInterval;
      await sleep(Math.max(0, due - now()));
      sentAt.set(start + j, now());
      const answer = await writer.expect(200, 'PUT', entryPath, { type: 'number', value: j, message: `change ${j}` }, { 'if-match': etag });
      answeredAt.set(start + j, now());
      etag = answer.headers.etag;
      if (indexOf(answer) !== start + j) indexMismatches++;
    }
    const last = start + total;
    const until = now() + 5000;
    while (now() < until && arrivals.some((seen) => !seen.has(last))) {
      await sleep(20);
    }
    stopped = true;
    reader.close();
    await Promise.allSettled(watching);

    const fromSend = [];
    const fromAnswer = [];
    let missing = 0;
    for (let k = start + settings.watchWarmup + 1; k <= last; k++) {
      for (const seen of arrivals) {
        const at = seen.get(k);
        if (at === undefined) {
          missing++;
        } else {
          fromSend.push(at - sentAt.get(k));
          fromAnswer.push(at - answeredAt.get(k));
        }
      }
    }
    const writes = summary([...answeredAt.keys()].slice(settings.watchWarmup).map((k) => answeredAt.get(k) - sentAt.get(k)));
    const send = summary(fromSend);
    const answered = summary(fromAnswer);
    return {
      phase: 'watch',
      status: 'measured',
      watchers: settings.watchers,
      changes: settings.changes,
      changeIntervalMs: settings.changeInterval,
      notifications: send.count,
      p50Ms: send.p50Ms,
      p99Ms: send.p99Ms,
      maxMs: send.maxMs,
      fromAnswerP50Ms: answered.p50Ms,
      fromAnswerP99Ms: answered.p99Ms,
      writeP50Ms: writes.p50Ms,
      writeP99Ms: writes.p99Ms,
      coalesced,
      ...unleash,
      missing,
      failures,
      firstFailure,
      staleBodies,
      indexMismatches,
    };
  } finally {
    reader.close();
    writer.close();
  }
}

// ---- sdk ------------------------------------------------------------------------------------------

/**
 * The official OpenFeature JavaScript SDKs, unchanged, evaluate config-service's flags through their OFREP
 * providers with the front-end API key: the server SDK (@openfeature/server-sdk with @openfeature/ofrep-provider, a
 * remote evaluation per flag) and the web SDK (@openfeature/web-sdk with @openfeature/ofrep-web-provider, one bulk
 * evaluation per context, then local reads). Every answer must equal the service's own bulk OFREP answer.
 */
async function sdk(workDir) {
  const written = JSON.parse(readFileSync(join(workDir, 'setup.json'), 'utf8'));
  const server = await import('@openfeature/server-sdk');
  const { OFREPProvider } = await import('@openfeature/ofrep-provider');
  const web = await import('@openfeature/web-sdk');
  const { OFREPWebProvider } = await import('@openfeature/ofrep-web-provider');
  const headers = [['x-api-key', written.apiKey]];
  await server.OpenFeature.setProviderAndWait(new OFREPProvider({ baseUrl: settings.configA, headers }));
  const serverClient = server.OpenFeature.getClient();
  const bulk = client(settings.configA, 2, { 'x-api-key': written.apiKey });
  const sample = contexts(5, 11);
  const keys = written.flagKeys.slice(0, 40);
  let compared = 0;
  let mismatches = 0;
  let firstMismatch = null;
  const compare = (via, key, context, expected, details) => {
    compared++;
    const same = JSON.stringify(details.value) === JSON.stringify(expected.value) && details.variant === expected.variant
      && details.reason === expected.reason;
    if (!same) {
      mismatches++;
      firstMismatch ??= { via, key, context, expected, got: { value: details.value, variant: details.variant, reason: details.reason, errorCode: details.errorCode } };
    }
  };
  const evaluate = (sdkClient, expected, key, context) => {
    const fallback = expected.value;
    switch (typeof fallback) {
      case 'boolean': return sdkClient.getBooleanDetails(key, !fallback, context);
      case 'number': return sdkClient.getNumberDetails(key, fallback + 1, context);
      case 'string': return sdkClient.getStringDetails(key, `${fallback}-not`, context);
      default: return sdkClient.getObjectDetails(key, {}, context);
    }
  };
  try {
    for (const context of sample) {
      const answers = new Map((await bulk.expect(200, 'POST', '/ofrep/v1/evaluate/flags', { context })).body.flags
        .map((answer) => [answer.key, answer]));
      for (const key of keys) {
        const expected = answers.get(key);
        compare('server-sdk', key, context, expected, await evaluate(serverClient, expected, key, context));
      }
      const provider = new OFREPWebProvider({ baseUrl: settings.configA, headers, pollInterval: 0 });
      await web.OpenFeature.setContext(context);
      await web.OpenFeature.setProviderAndWait(provider);
      const webClient = web.OpenFeature.getClient();
      for (const key of keys) {
        const expected = answers.get(key);
        compare('web-sdk', key, context, expected, evaluate(webClient, expected, key, undefined));
      }
      await web.OpenFeature.close();
    }
  } finally {
    bulk.close();
    await server.OpenFeature.close();
  }
  return {
    phase: 'sdk', sdks: ['@openfeature/server-sdk + @openfeature/ofrep-provider', '@openfeature/web-sdk + @openfeature/ofrep-web-provider'],
    contexts: sample.length, flags: keys.length, compared, mismatches, firstMismatch,
  };
}

const [mode, ...rest] = process.argv.slice(2);
const modes = {
  setup: () => setup(rest[0]),
  load: () => load(rest[1], rest[0]),
  watch: () => watch(rest[0]),
  sdk: () => sdk(rest[0]),
};
if (!modes[mode] || rest.length < (mode === 'load' ? 2 : 1)) {
  console.error('usage: node driver.mjs setup <work dir> | load <target> <work dir> | watch <work dir> | sdk <work dir>');
  process.exit(2);
}
console.log(JSON.stringify(await modes[mode]()));
