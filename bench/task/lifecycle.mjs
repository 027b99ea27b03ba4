// Full task lifecycles (create -> claim -> complete) against one queue, measured the same way for
// every system:
//
//   node lifecycle.mjs flotilla <base url> <token file>    task-service over HTTP
//   node lifecycle.mjs pgboss   <postgres url>             pg-boss, in this process, on PostgreSQL
//
// Producers create tasks while fewer than BACKLOG are waiting; each agent claims up to BATCH tasks at
// a time and completes them. With BATCHED=0 a task is created, and completed, one per request;
// with BATCHED=1 a producer creates BATCH tasks per request and an agent completes all it claimed
// in one request (task-service's /tasks/batch and /tasks/completions, pg-boss's insert of many and
// complete of many ids). With CLAIM_NEXT=1 as well (task-service only), an agent hands the tasks
// it finished to its next claim (POST /agents/{id}/claims {complete: [...]}) instead of completing
// them in a request of their own. Batch creates and completions ask for the minimal answer
// (Prefer: return=minimal: ids and outcomes, no task bodies). Throughput is the number of tasks completed
// per second during the measured window (after a warm-up); claim latency is the round trip of the
// claims that handed out work; pickup latency is from a task's creation until an agent held it.
// At the end the producers stop, the agents empty the queue, and the run checks that every
// created task was completed exactly once. One JSON line with the figures goes to stdout.
//
// Settings (environment): AGENTS (10), PRODUCERS (10), BATCH (10), BATCHED (0), CLAIM_NEXT (0), BACKLOG (200),
// WARMUP (s, 10), DURATION (s, 20).

import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

const settings = {
  agents: Number(process.env.AGENTS ?? 10),
  producers: Number(process.env.PRODUCERS ?? 10),
  batch: Number(process.env.BATCH ?? 10),
  batched: process.env.BATCHED === '1',
  claimNext: process.env.CLAIM_NEXT === '1',
  backlog: Number(process.env.BACKLOG ?? 200),
  warmupSeconds: Number(process.env.WARMUP ?? 10),
  durationSeconds: Number(process.env.DURATION ?? 20),
};

const QUEUE = 'bench-lifecycle';

/** task-service over HTTP: one request per create, claim and complete, or per batch of them. */
async function flotilla(baseUrl, tokenFile) {
  const token = readFileSync(tokenFile, 'utf8').trim();
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.agents + settings.producers + 4 });

  function call(method, path, body, headers = {}) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = http.request({
        host: url.hostname, port: url.port, path, method, agent,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...headers,
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode, body: text ? JSON.parse(text) : null });
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(payload);
    });
  }

  async function expect(status, method, path, body, headers) {
    const answer = await call(method, path, body, headers);
    if (answer.status !== status) {
      throw new Error(`${method} ${path} answered ${answer.status}, expected ${status}: ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }

  // Batch creates and completions answer ids and outcomes only (RFC 7240), as pg-boss's insert and
  // complete answer no job bodies either; the claim's completions are outcomes only anyway.
  const MINIMAL = { prefer: 'return=minimal' };
  const run = Date.now();
  const agentIds = [];
  for (let i = 0; i < settings.agents; i++) {
    const created = await expect(201, 'POST', '/api/v1/agents', { name: `bench-${run}-${i}`, type: 'SPECIALIST', capabilities: ['bench'] });
    agentIds.push(created.id);
  }
  let next = 0;
  return {
    name: 'task-service (HTTP)',
    async create(sequence) {
      const task = await expect(201, 'POST', '/api/v1/tasks', { type: QUEUE, payload: { sequence }, requiredCapabilities: ['bench'] });
      return task.id;
    },
    async createBatch(sequences) {
      const answer = await expect(201, 'POST', '/api/v1/tasks/batch',
        { tasks: sequences.map((sequence) => ({ task: { type: QUEUE, payload: { sequence }, requiredCapabilities: ['bench'] } })) },
        MINIMAL);
      return answer.tasks.map((created) => created.id);
    },
    newAgent() {
      const id = agentIds[next++];
      return {
        async claim(wait) {
          const claims = await expect(200, 'POST', `/api/v1/agents/${id}/claims`,
            { max: settings.batch, waitSeconds: wait ? 1 : 0, leaseSeconds: 60 });
          return claims.tasks.map((task) => ({ id: task.id, lease: task.leaseId }));
        },
        async claimNext(finished, wait) {
          const answer = await expect(200, 'POST', `/api/v1/agents/${id}/claims`, {
            max: settings.batch, waitSeconds: wait ? 1 : 0, leaseSeconds: 60,
            ...(finished.length === 0 ? {} : { complete: finished.map((task) => ({ id: task.id, leaseId: task.lease, result: { ok: true } })) }),
          });
          const refused = (answer.completions ?? []).filter((outcome) => !outcome.completed);
          if (refused.length > 0) {
            throw new Error(`completions refused: ${JSON.stringify(refused)}`);
          }
          return answer.tasks.map((task) => ({ id: task.id, lease: task.leaseId }));
        },
        async complete(task) {
          await expect(200, 'POST', `/api/v1/tasks/${task.id}/complete`, { leaseId: task.lease, result: { ok: true } });
        },
        async completeBatch(tasks) {
          const answer = await expect(200, 'POST', '/api/v1/tasks/completions',
            { tasks: tasks.map((task) => ({ id: task.id, leaseId: task.lease, result: { ok: true } })) }, MINIMAL);
          const refused = answer.tasks.filter((outcome) => !outcome.completed);
          if (refused.length > 0) {
            throw new Error(`completions refused: ${JSON.stringify(refused)}`);
          }
        },
      };
    },
    async close() {
      agent.destroy();
    },
  };
}

/** pg-boss in this process: one send (or insert of many) per create, one fetch per claim, one complete per task (or of many). */
async function pgboss(connectionString) {
  const { default: PgBoss } = await import('pg-boss');
  // A pool as large as the number of concurrent callers, as task-service's pool is for its callers.
  const boss = new PgBoss({ connectionString, max: settings.agents + settings.producers, schedule: false });
  boss.on('error', (error) => console.error('pg-boss:', error.message));
  await boss.start();
  const queue = `${QUEUE}-${Date.now()}`;  // a queue of its own for every run
  await boss.createQueue(queue);
  return {
    name: 'pg-boss',
    async create(sequence) {
      return boss.send(queue, { sequence });
    },
    async createBatch(sequences) {
      const jobs = sequences.map((sequence) => ({ id: randomUUID(), name: queue, data: { sequence } }));
      await boss.insert(jobs);
      return jobs.map((job) => job.id);
    },
    newAgent() {
      return {
        async claim(wait) {
          const jobs = await boss.fetch(queue, { batchSize: settings.batch });
          if (jobs.length === 0 && wait) {
            // pg-boss has no long poll; a short pause before the next fetch keeps an idle agent
            // from spinning while reacting within a few milliseconds.
            await sleep(5);
          }
          return jobs.map((job) => ({ id: job.id }));
        },
        async complete(task) {
          const answer = await boss.complete(queue, task.id, { ok: true });
          if (answer.affected !== 1) {
            throw new Error(`complete of ${task.id} affected ${answer.affected} jobs`);
          }
        },
        async completeBatch(tasks) {
          const answer = await boss.complete(queue, tasks.map((task) => task.id), { ok: true });
          if (answer.affected !== tasks.length) {
            throw new Error(`complete of ${tasks.length} jobs affected ${answer.affected}`);
          }
        },
      };
    },
    async close() {
      await boss.stop({ graceful: false, wait: true });
    },
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, p) {
  if (sorted.length === 0) {
    return null;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(system) {
  const createdAt = new Map();     // task id -> when its creation was requested (ms)
  const claimedAt = new Map();     // task id -> when a claim in the measured window handed it out (ms)
  const completions = new Map();   // task id -> how often it was completed
  let created = 0;
  let completed = 0;
  let producing = true;
  let measuring = false;
  let windowCompleted = 0;
  const claimLatencies = [];
  let emptyClaims = 0;
  let claimsWithWork = 0;

  async function producer(index) {
    let sequence = index;
    while (producing) {
      if (created - completed >= settings.backlog) {
        await sleep(1);
        continue;
      }
      const requested = performance.now();
      if (settings.batched) {
        const sequences = Array.from({ length: settings.batch }, (_, i) => sequence + i * settings.producers);
        created += sequences.length;
        for (const id of await system.createBatch(sequences)) {
          createdAt.set(id, requested);
        }
        sequence += settings.batch * settings.producers;
      } else {
        created++;
        createdAt.set(await system.create(sequence), requested);
        sequence += settings.producers;
      }
    }
  }

  function done(task) {
    completions.set(task.id, (completions.get(task.id) ?? 0) + 1);
    completed++;
    if (measuring) windowCompleted++;
  }

  async function worker(agent) {
    let finished = [];  // with CLAIM_NEXT: completed by the next claim
    while (producing || completed < created) {
      const started = performance.now();
      const tasks = settings.claimNext ? await agent.claimNext(finished, producing) : await agent.claim(producing);
      const ended = performance.now();
      finished.forEach(done);
      finished = [];
      if (tasks.length === 0) {
        if (measuring) emptyClaims++;
        continue;
      }
      if (measuring) {
        claimsWithWork++;
        claimLatencies.push(ended - started);
      }
      for (const task of tasks) {
        if (measuring) claimedAt.set(task.id, ended);
      }
      if (settings.claimNext) {
        finished = tasks;
      } else if (settings.batched) {
        await agent.completeBatch(tasks);
        tasks.forEach(done);
      } else {
        for (const task of tasks) {
          await agent.complete(task);
          done(task);
        }
      }
    }
  }

  const producers = Array.from({ length: settings.producers }, (_, i) => producer(i));
  const workers = Array.from({ length: settings.agents }, () => worker(system.newAgent()));
  const all = Promise.all([...producers, ...workers]);
  all.catch(() => { producing = false; });

  const failed = (async () => { await all; return null; })().catch((error) => error);
  const timeline = (async () => {
    await sleep(settings.warmupSeconds * 1000);
    measuring = true;
    const from = performance.now();
    await sleep(settings.durationSeconds * 1000);
    measuring = false;
    const seconds = (performance.now() - from) / 1000;
    producing = false;
    return seconds;
  })();
  const seconds = await timeline;
  const error = await failed;
  if (error) {
    throw error;
  }

  const duplicates = [...completions.values()].filter((n) => n > 1).length;
  const missing = created - completions.size;
  // A claim may hand out a task before its creation was answered, so pickups are paired up here.
  const pickupLatencies = [...claimedAt].map(([id, at]) => at - createdAt.get(id));
  claimLatencies.sort((a, b) => a - b);
  pickupLatencies.sort((a, b) => a - b);
  const round = (value) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    system: system.name,
    agents: settings.agents,
    producers: settings.producers,
    batch: settings.batch,
    batched: settings.batched,
    claimNext: settings.claimNext,
    seconds: round(seconds),
    lifecycles: windowCompleted,
    lifecyclesPerSecond: Math.round(windowCompleted / seconds),
    claimsWithWork,
    emptyClaims,
    claimP50Ms: round(percentile(claimLatencies, 50)),
    claimP99Ms: round(percentile(claimLatencies, 99)),
    pickupP50Ms: round(percentile(pickupLatencies, 50)),
    pickupP99Ms: round(percentile(pickupLatencies, 99)),
    createdInTotal: created,
    completedInTotal: completed,
    completedTwice: duplicates,
    neverCompleted: missing,
  };
}

const [mode, ...args] = process.argv.slice(2);
const systems = { flotilla, pgboss };
if (!systems[mode]) {
  console.error('usage: node lifecycle.mjs flotilla <base url> <token file> | pgboss <postgres url>');
  process.exit(2);
}
if (settings.claimNext && mode !== 'flotilla') {
  console.error('CLAIM_NEXT=1 is a task-service API (completions carried by the next claim); pg-boss has none');
  process.exit(2);
}
const system = await systems[mode](...args);
try {
  const result = await measure(system);
  console.log(JSON.stringify(result));
  if (result.completedTwice !== 0 || result.neverCompleted !== 0) {
    console.error(`${result.completedTwice} tasks completed twice, ${result.neverCompleted} never completed`);
    process.exitCode = 1;
  }
} finally {
  await system.close();
}
