// The load and the checks of bench/faults/run (Node 18+, no packages): a write loop that records
// every acknowledged creation, the lease scenario of task-service, and the checks afterwards.
//
//   node driver.mjs write  <kind> <baseUrl> <token> <run> <workers> <out.jsonl>   (until SIGTERM)
//   node driver.mjs verify <kind> <baseUrl> <token> <run> <out.jsonl> <killMs>
//   node driver.mjs leases-start  <baseUrl> <token> <run> <count> <state.json>
//   node driver.mjs leases-finish <baseUrl> <token> <state.json>
//   node driver.mjs login  <authUrl> <email> <password>
//
// kind: task | user | policy | collection (a creation each), or caller (GET /api/v1/caller: a
// service that has no write API yet).
//
// A write retries the same logical creation until it is acknowledged: a task with the same
// Idempotency-Key, the others with the same unique name (a 409 then means an earlier attempt was
// committed but its answer lost). Every 201 is a line {key, id, t} of out.jsonl, every failed
// attempt {fail, t, why}. verify reads every acknowledged id back (lost: not found), counts
// creations per key (duplicated: more than one), and the recovery time: from the kill to the
// first acknowledgement after the first failure that followed it.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

const [mode, ...args] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(method, url, token, body, headers = {}) {
  const response = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10000),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json };
}

const KINDS = {
  task: {
    create: (key, run) => ({
      path: '/api/v1/tasks',
      body: { type: `faults-${run}`, payload: { key } },
      headers: { 'idempotency-key': key },
    }),
    read: (id) => `/api/v1/tasks/${id}`,
    list: (run) => `/api/v1/tasks?type=faults-${run}`,
    keyOf: (item) => item.payload?.key,
  },
  user: {
    create: (key) => ({
      path: '/api/v1/users',
      body: { email: `${key}@faults.example.com`, displayName: key, roles: ['member'] },
    }),
    read: (id) => `/api/v1/users/${id}`,
    list: (run) => `/api/v1/users?email=f${run}`,
    keyOf: (item) => item.email?.split('@')[0],
  },
  policy: {
    create: (key) => ({
      path: '/api/v1/policies',
      body: {
        name: key,
        rules: [{ id: 'r1', effect: 'allow', actions: ['read'], resources: ['faults'] }],
      },
    }),
    read: (id) => `/api/v1/policies/${id}`,
    list: () => '/api/v1/policies',
    keyOf: (item) => item.name,
  },
  collection: {
    create: (key) => ({ path: '/api/v1/collections', body: { name: key } }),
    read: (id) => `/api/v1/collections/${id}`,
    list: () => '/api/v1/collections',
    keyOf: (item) => item.name,
  },
  caller: { read: () => '/api/v1/caller' },
};

async function write([kind, base, token, run, workers, out]) {
  const spec = KINDS[kind];
  let stopping = false;
  process.on('SIGTERM', () => {
    stopping = true;
  });
  const record = (line) => appendFileSync(out, `${JSON.stringify(line)}\n`);
  const worker = async (w) => {
    for (let seq = 1; !stopping; seq++) {
      const key = `f${run}-${w}-${seq}`;
      for (;;) {
        if (stopping) return;
        let status = 0;
        let json = null;
        try {
          if (kind === 'caller') {
            ({ status, json } = await call('GET', base + spec.read(), token));
          } else {
            const request = spec.create(key, run);
            ({ status, json } = await call('POST', base + request.path, token, request.body, request.headers));
          }
        } catch (e) {
          status = 0;
        }
        if ((kind === 'caller' && status === 200) || status === 201) {
          record({ key, id: json?.id ?? null, t: Date.now() });
          break;
        }
        if (status === 409 && kind !== 'caller') {
          record({ key, conflict: true, t: Date.now() }); // committed, its answer was lost
          break;
        }
        record({ fail: true, t: Date.now(), why: status });
        await sleep(100);
      }
      if (kind === 'caller') await sleep(50);
    }
  };
  await Promise.all(Array.from({ length: Number(workers) }, (_, w) => worker(w + 1)));
}

async function listAll(base, token, path) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${base}${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { status, json } = await call('GET', url, token);
    if (status !== 200) throw new Error(`GET ${url}: ${status}`);
    items.push(...json.items);
    cursor = json.nextCursor;
  } while (cursor);
  return items;
}

function readLines(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line)
    .map((line) => JSON.parse(line));
}

// From the kill to the first acknowledgement after the first failure that followed it.
function recoveryMs(lines, killMs) {
  const firstFail = lines.find((l) => l.fail && l.t >= killMs);
  if (!firstFail) return null;
  const firstAck = lines.find((l) => !l.fail && l.t > firstFail.t);
  return firstAck ? firstAck.t - killMs : null;
}

async function verify([kind, base, token, run, file, killMs]) {
  const spec = KINDS[kind];
  const lines = readLines(file);
  const acks = lines.filter((l) => !l.fail && !l.conflict);
  const summary = {
    acked: acks.length,
    failedAttempts: lines.filter((l) => l.fail).length,
    recoveryMs: recoveryMs(lines, Number(killMs)),
  };
  if (kind !== 'caller') {
    let lost = 0;
    for (let i = 0; i < acks.length; i += 16) {
      const statuses = await Promise.all(
        acks.slice(i, i + 16).map(async (a) => (await call('GET', base + spec.read(a.id), token)).status),
      );
      lost += statuses.filter((s) => s !== 200).length;
    }
    const perKey = new Map();
    for (const item of await listAll(base, token, spec.list(run))) {
      const key = spec.keyOf(item);
      if (key?.startsWith(`f${run}-`)) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    summary.lost = lost;
    summary.duplicated = [...perKey.values()].filter((n) => n > 1).length;
    summary.stored = perKey.size;
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

// Tasks claimed by an agent, half of them completed (acknowledged), the other half held under
// their leases when task-service is killed.
async function leasesStart([base, token, run, count, stateFile]) {
  const agent = await call('POST', `${base}/api/v1/agents`, token, { name: `faults-${run}`, type: 'SPECIALIST' });
  if (agent.status !== 201) throw new Error(`agent: ${agent.status} ${JSON.stringify(agent.json)}`);
  const type = `faults-lease-${run}`;
  const ids = [];
  for (let i = 0; i < Number(count); i++) {
    const created = await call('POST', `${base}/api/v1/tasks`, token, { type, payload: { i } });
    if (created.status !== 201) throw new Error(`task: ${created.status}`);
    ids.push(created.json.id);
  }
  const held = [];
  while (held.length < ids.length) {
    const claim = await call('POST', `${base}/api/v1/agents/${agent.json.id}/claims`, token, {
      max: ids.length - held.length,
      waitSeconds: 1,
      leaseSeconds: 5,
    });
    if (claim.status !== 200) throw new Error(`claim: ${claim.status}`);
    held.push(...claim.json.tasks.filter((t) => t.type === type));
  }
  const completed = [];
  for (const task of held.slice(0, Math.floor(held.length / 2))) {
    const done = await call('POST', `${base}/api/v1/tasks/${task.id}/complete`, token, {
      leaseId: task.leaseId,
      result: { by: 'first' },
    });
    if (done.status === 200) completed.push(task.id);
  }
  writeFileSync(stateFile, JSON.stringify({ agent: agent.json.id, type, ids, completed, held }));
  process.stdout.write(`${JSON.stringify({ tasks: ids.length, completed: completed.length })}\n`);
}

// After the restart: the held tasks come back once their leases expire and are completed by the
// next claim; every task ends SUCCEEDED exactly once, and none completed before the kill runs again.
async function leasesFinish([base, token, stateFile]) {
  const state = JSON.parse(readFileSync(stateFile, 'utf8'));
  const open = new Set(state.ids.filter((id) => !state.completed.includes(id)));
  let reclaimed = 0;
  let reclaimedCompleted = 0;
  const deadline = Date.now() + 120000;
  while (open.size > 0 && Date.now() < deadline) {
    const claim = await call('POST', `${base}/api/v1/agents/${state.agent}/claims`, token, {
      max: 50,
      waitSeconds: 2,
      leaseSeconds: 30,
    });
    if (claim.status !== 200) {
      await sleep(500);
      continue;
    }
    for (const task of claim.json.tasks.filter((t) => t.type === state.type)) {
      reclaimed++;
      if (state.completed.includes(task.id)) reclaimedCompleted++;
      const done = await call('POST', `${base}/api/v1/tasks/${task.id}/complete`, token, {
        leaseId: task.leaseId,
        result: { by: 'second' },
      });
      if (done.status === 200) open.delete(task.id);
    }
  }
  let lost = 0;
  let duplicated = reclaimedCompleted;
  for (const id of state.ids) {
    const { status, json } = await call('GET', `${base}/api/v1/tasks/${id}`, token);
    if (status !== 200 || json.status !== 'SUCCEEDED') {
      lost++;
      continue;
    }
    const successes = (json.events ?? []).filter((e) => e.to === 'SUCCEEDED').length;
    if (successes !== 1) duplicated++;
  }
  process.stdout.write(
    `${JSON.stringify({ tasks: state.ids.length, heldAtKill: state.ids.length - state.completed.length, reclaimed, lost, duplicated })}\n`,
  );
}

async function login([authUrl, email, password]) {
  const { status, json } = await call('POST', `${authUrl}/api/v1/auth/login`, null, {
    tenant: 'default',
    email,
    password,
  });
  if (status !== 200) throw new Error(`login: ${status}`);
  process.stdout.write(json.accessToken);
}

const modes = { write, verify, 'leases-start': leasesStart, 'leases-finish': leasesFinish, login };
if (!modes[mode]) {
  process.stderr.write(`unknown mode: ${mode}\n`);
  process.exit(2);
}
modes[mode](args).catch((e) => {
  process.stderr.write(`driver ${mode}: ${e.message}\n`);
  process.exit(1);
});
