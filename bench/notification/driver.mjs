// The load side of the notification benchmark (see README.md). Each mode prints one JSON line with
// its figures to stdout:
//
//   node driver.mjs setup   <service url> <work dir>   the webhook endpoint, e-mail turned off, one probe event
//   node driver.mjs warm    <service url> <work dir>   publishes for SERVICE_WARMUP s, unmeasured
//   node driver.mjs accept  <service url> <work dir>   events accepted/s, PUBLISHERS in a closed loop
//   node driver.mjs drain   <service url> <work dir> <postgres url>   webhook deliveries/s draining a backlog
//   node driver.mjs ceiling <service url> <work dir>   the receiver driven by autocannon alone
//   node driver.mjs latency <service url> <work dir>   event -> webhook and event -> SSE inbox at RATE events/s
//   node driver.mjs floor   <service url> <work dir> <postgres url>   PostgreSQL alone committing the rows of a publish
//
// The work dir holds service.token (role service, for publishing), user-1.token … user-N.token
// (N = STREAM_USERS members of the same tenant: recipients that read their inbox streams and set
// their own preferences), and setup.json, written by setup. Every event is of type bench.event, to
// one user, with `data` {phase, seq, sentAt (epoch ms when it was sent, or due to be sent),
// measured, pad}, so the receiver and the inbox reader can tell the phases apart and time each
// event. Each publish sends an Idempotency-Key, as the suite's own publishers do.
//
// Settings (environment): RECEIVER (the receiver's base URL), PUBLISHERS (16), RECIPIENTS (100),
// STREAM_USERS (10), WARMUP (s, 10), DURATION (s, 20), SERVICE_WARMUP (s, 30), BACKLOG (events,
// 20000), RATE (events/s, 500), CONNECTIONS (the ceiling's connections, 32: the service's
// deliveries in flight), PAYLOAD (bytes of padding in each event's data, 200); SERVICE_PID and
// POSTMASTER_PID, when given, for the CPU time per event and per delivery.

import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuNow as cpuOf, cpuPer, now, round, sleep, summary } from '../lib/measure.mjs';

const settings = {
  receiver: process.env.RECEIVER ?? 'http://127.0.0.1:31087',
  publishers: Number(process.env.PUBLISHERS ?? 16),
  recipients: Number(process.env.RECIPIENTS ?? 100),
  streamUsers: Number(process.env.STREAM_USERS ?? 10),
  warmupSeconds: Number(process.env.WARMUP ?? 10),
  durationSeconds: Number(process.env.DURATION ?? 20),
  serviceWarmupSeconds: Number(process.env.SERVICE_WARMUP ?? 30),
  backlog: Number(process.env.BACKLOG ?? 20000),
  rate: Number(process.env.RATE ?? 500),
  connections: Number(process.env.CONNECTIONS ?? 32),
  payload: Number(process.env.PAYLOAD ?? 200),
};

const TYPE = 'bench.event';
const PATTERN = 'bench.*';
const run = randomUUID().slice(0, 8);
/** CPU time so far of notification-service (SERVICE_PID) and of PostgreSQL. */
const cpuNow = () => cpuOf(Number(process.env.SERVICE_PID));

/** The claims of a JWT, unverified: the benchmark only needs the subject of its own user. */
function claims(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

function client(baseUrl, maxSockets) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  function call(method, path, token, body, headers = {}) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = http.request({
        host: url.hostname, port: url.port, path, method, agent,
        headers: {
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
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
          resolve({ status: response.statusCode, body: parsed });
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(payload);
    });
  }
  async function expect(status, method, path, token, body, headers) {
    const answer = await call(method, path, token, body, headers);
    if (answer.status !== status) {
      throw new Error(`${method} ${path} answered ${answer.status}, expected ${status}: ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }
  return { call, expect, close: () => agent.destroy() };
}

function context(serviceUrl, workDir, maxSockets = settings.publishers + 8) {
  const serviceToken = readFileSync(join(workDir, 'service.token'), 'utf8').trim();
  const userTokens = Array.from({ length: settings.streamUsers },
    (_, i) => readFileSync(join(workDir, `user-${i + 1}.token`), 'utf8').trim());
  const users = userTokens.map((token) => claims(token).sub);
  let setup = null;
  try {
    setup = JSON.parse(readFileSync(join(workDir, 'setup.json'), 'utf8'));
  } catch {
    // before setup
  }
  const service = client(serviceUrl, maxSockets);
  const receiver = client(settings.receiver, 2);
  const pad = 'x'.repeat(settings.payload);

  /** Publishes one event of `phase` to `recipient`; answers the response (201 expected). */
  function publish(phase, seq, recipient, sentAt, measured) {
    return service.call('POST', '/api/v1/events', serviceToken, {
      type: TYPE,
      subject: `bench ${phase} ${seq}`,
      recipients: [{ userId: recipient }],
      data: { phase, seq, sentAt, measured, pad },
    }, { 'idempotency-key': `bench-${run}-${phase}-${seq}` });
  }

  const recipients = setup?.recipients ?? users;
  return {
    serviceToken, userTokens, users, setup, service, receiver, publish, recipients,
    recipientOf: (seq) => recipients[seq % recipients.length],
    stats: (phase) => receiver.expect(200, 'GET', `/stats?phase=${phase}`),
    close() {
      service.close();
      receiver.close();
    },
  };
}

/** Waits until the receiver has `count` distinct webhook-ids of `phase`, or `seconds` pass; answers its stats. */
async function awaitWebhooks(ctx, phase, count, seconds) {
  const until = now() + seconds * 1000;
  for (;;) {
    const stats = await ctx.stats(phase);
    if (stats.distinct >= count || now() > until) {
      return stats;
    }
    await sleep(50);
  }
}

/**
 * PUBLISHERS publishers in a closed loop (each sends its next event when the last is answered) until
 * `stop()` says so; `onAnswer(answer, started, ended)` sees every answer.
 */
async function closedLoop(ctx, phase, stop, onAnswer) {
  let seq = 0;
  let failure = null;
  async function publisher() {
    while (!stop() && failure === null) {
      const mine = seq++;
      const started = now();
      const answer = await ctx.publish(phase, mine, ctx.recipientOf(mine), started, false);
      const ended = now();
      if (answer.status !== 201) {
        failure = new Error(`POST /api/v1/events answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        return;
      }
      onAnswer(answer, started, ended);
    }
  }
  await Promise.all(Array.from({ length: settings.publishers }, publisher));
  if (failure) {
    throw failure;
  }
  return seq;
}

async function setup(ctx, workDir) {
  const endpoint = await ctx.service.expect(201, 'POST', '/api/v1/webhook-endpoints', ctx.serviceToken, {
    url: `${settings.receiver}/webhook`, eventTypes: [PATTERN], description: 'notification benchmark receiver',
  });
  // E-mail is not measured (and no auth-service runs to give addresses): the recipients turn it
  // off for the benchmark's events, the users with tokens through their own preferences, the
  // further recipients through the service's call for another user's.
  for (const token of ctx.userTokens) {
    await ctx.service.expect(200, 'PUT', `/api/v1/preferences/email/${PATTERN}`, token, { enabled: false });
  }
  const recipients = [...ctx.users];
  for (let i = recipients.length; i < settings.recipients; i++) {
    const other = randomUUID();
    await ctx.service.expect(200, 'PUT', `/api/v1/user-preferences/${other}/email/${PATTERN}`, ctx.serviceToken,
      { enabled: false });
    recipients.push(other);
  }
  // One event, followed to its webhook: an inbox delivery and a webhook delivery, no e-mail.
  const probe = await ctx.publish('probe', 0, ctx.users[0], now(), false);
  if (probe.status !== 201) {
    throw new Error(`the probe event answered ${probe.status}: ${JSON.stringify(probe.body)}`);
  }
  const arrived = await awaitWebhooks(ctx, 'probe', 1, 30);
  if (arrived.distinct !== 1) {
    throw new Error('the probe event\'s webhook did not arrive within 30 s');
  }
  let deliveries = [];
  for (let i = 0; i < 50; i++) {
    const event = await ctx.service.expect(200, 'GET', `/api/v1/events/${probe.body.id}`, ctx.serviceToken);
    deliveries = event.deliveries.map((d) => `${d.channel}:${d.status}`).sort();
    if (deliveries.join() === 'inbox:SUCCEEDED,webhook:SUCCEEDED') {
      break;
    }
    await sleep(100);
  }
  if (deliveries.join() !== 'inbox:SUCCEEDED,webhook:SUCCEEDED') {
    throw new Error(`the probe event's deliveries are ${deliveries.join()}, expected one inbox and one webhook, both SUCCEEDED`);
  }
  const written = { endpointId: endpoint.id, recipients, probeDeliveries: deliveries };
  writeFileSync(join(workDir, 'setup.json'), JSON.stringify(written));
  return { endpointId: endpoint.id, recipients: recipients.length, streamUsers: ctx.users.length, probeDeliveries: deliveries };
}

async function warm(ctx) {
  const until = now() + settings.serviceWarmupSeconds * 1000;
  const published = await closedLoop(ctx, 'warm', () => now() > until, () => {});
  const stats = await awaitWebhooks(ctx, 'warm', published, 120);
  return { phase: 'warm', seconds: settings.serviceWarmupSeconds, published, webhooks: stats.distinct };
}

/** Events accepted per second by POST /api/v1/events, each fanned out to one inbox and one webhook. */
async function accept(ctx) {
  let measuring = false;
  let stopping = false;
  let accepted = 0;
  let deliveries = 0;
  let unexpected = 0;
  const latencies = [];
  const published = closedLoop(ctx, 'accept', () => stopping, (answer, started, ended) => {
    if (answer.body.deliveryCount !== 2) {
      unexpected++;
    }
    if (measuring) {
      accepted++;
      deliveries += answer.body.deliveryCount;
      latencies.push(ended - started);
    }
  });
  published.catch(() => {
    stopping = true;
  });
  const windowed = (async () => {
    await sleep(settings.warmupSeconds * 1000);
    const before = await ctx.stats('accept');
    const cpuBefore = cpuNow();
    measuring = true;
    const from = now();
    await sleep(settings.durationSeconds * 1000);
    measuring = false;
    const seconds = (now() - from) / 1000;
    const cpuAfter = cpuNow();
    const after = await ctx.stats('accept');
    stopping = true;
    return { seconds, webhooksInWindow: after.distinct - before.distinct, cpuBefore, cpuAfter };
  })();
  const total = await published;
  const { seconds, webhooksInWindow, cpuBefore, cpuAfter } = await windowed;
  const stoppedAt = now();
  const drained = await awaitWebhooks(ctx, 'accept', total, 300);
  const publish = summary(latencies);
  return {
    phase: 'accept',
    publishers: settings.publishers,
    recipients: ctx.recipients.length,
    seconds: round(seconds),
    accepted,
    eventsPerSecond: Math.round(accepted / seconds),
    deliveriesPerSecond: Math.round(deliveries / seconds),
    publishP50Ms: publish.p50Ms,
    publishP99Ms: publish.p99Ms,
    webhooksPerSecondInWindow: Math.round(webhooksInWindow / seconds),
    publishedInTotal: total,
    webhooksReceived: drained.distinct,
    webhookDuplicates: drained.duplicates,
    backlogDrainedSeconds: round(Math.max(0, drained.lastAt - stoppedAt) / 1000),
    // per event accepted in the window, its share of the webhooks sent meanwhile included
    ...cpuPer(cpuBefore, cpuAfter, accepted),
    notTwoDeliveries: unexpected,
  };
}

/**
 * Webhook deliveries per second while a backlog drains. The workers are held at their claim: every
 * claim writes an attempt row, so a transaction holding notification.delivery_attempts in SHARE mode
 * (which publishing never writes) makes them wait there while BACKLOG events are published; its
 * commit lets them go, and the drain is timed from then to the last distinct webhook-id received.
 */
async function drain(ctx, postgresUrl) {
  const { default: pg } = await import('pg');
  const db = new pg.Client({ connectionString: postgresUrl });
  await db.connect();
  try {
    const pending = async () => Number((await db.query(
      "select count(*) as n from notification.deliveries where status = 'PENDING'")).rows[0].n);
    for (let i = 0; (await pending()) > 0; i++) {
      if (i > 600) {
        throw new Error('deliveries of the phases before are still pending after 60 s');
      }
      await sleep(100);
    }
    await db.query('begin');
    await db.query('lock table notification.delivery_attempts in share mode');
    const publishedFrom = now();
    let left = settings.backlog;
    await closedLoop(ctx, 'drain', () => left-- <= 0, () => {});
    const publishSeconds = (now() - publishedFrom) / 1000;
    const backlog = await pending();
    const early = (await ctx.stats('drain')).distinct;
    if (early !== 0 || backlog !== settings.backlog) {
      throw new Error(`the backlog was not held: ${backlog} pending, ${early} already received`);
    }
    const cpuBefore = cpuNow();
    const released = now();
    await db.query('commit');
    const stats = await awaitWebhooks(ctx, 'drain', settings.backlog, 600);
    const cpuAfter = cpuNow();
    if (stats.distinct !== settings.backlog) {
      throw new Error(`only ${stats.distinct} of ${settings.backlog} webhooks arrived within 600 s`);
    }
    const seconds = (stats.lastAt - released) / 1000;
    return {
      phase: 'drain',
      backlog: settings.backlog,
      publishedPerSecond: Math.round(settings.backlog / publishSeconds),
      seconds: round(seconds),
      deliveriesPerSecond: Math.round(settings.backlog / seconds),
      firstAfterMs: round(stats.firstAt - released),
      // per webhook delivered in the drain
      ...cpuPer(cpuBefore, cpuAfter, settings.backlog),
      duplicates: stats.duplicates,
    };
  } finally {
    await db.end();
  }
}

/**
 * The floor under events accepted/s: PostgreSQL alone, PUBLISHERS connections in a closed loop, each committing the rows
 * one publish writes (the event, the recipient's inbox head and notification, an inbox and a webhook delivery), durable,
 * with nothing of the service in between: once as publishing does now, once with a NOTIFY inside the transaction, as
 * publishing did before its announcements moved after commit. Both deliveries are written as SUCCEEDED so the idle
 * service's workers leave them alone; the rows go to a tenant of their own.
 */
async function floor(ctx, postgresUrl) {
  const { default: pg } = await import('pg');
  const { endpointId } = ctx.setup;
  const tenant = randomUUID();
  const data = JSON.stringify({ phase: 'floor', pad: 'x'.repeat(settings.payload) });
  const publishOnce = async (db, recipient, notify) => {
    const event = randomUUID();
    await db.query('begin');
    await db.query(`insert into notification.events (id, tenant_id, type, subject, data, critical, recipients, published_by,
                      idempotency_key, idempotency_hash, created_at)
                    values ($1, $2, 'bench.floor', null, $3, false, $4, 'bench', $5, 'h', now())`,
    [event, tenant, data, JSON.stringify([{ userId: recipient }]), randomUUID()]);
    await db.query(`with head as (
                      insert into notification.inbox_heads as h (tenant_id, recipient, last_seq, unread) values ($1, $2, 1, 1)
                      on conflict (tenant_id, recipient) do update set last_seq = h.last_seq + 1, unread = h.unread + 1
                      returning last_seq)
                    insert into notification.inbox (id, tenant_id, recipient, seq, event_id, type, data, created_at)
                    select $3, $1, $2, head.last_seq, $4, 'bench.floor', $5, now() from head`,
    [tenant, recipient, randomUUID(), event, data]);
    await db.query(`insert into notification.deliveries (id, tenant_id, event_id, channel, endpoint_id, recipient, status,
                      attempts, created_at, updated_at, completed_at)
                    values ($1, $3, $4, 'inbox', null, $5, 'SUCCEEDED', 1, now(), now(), now()),
                           ($2, $3, $4, 'webhook', $6, null, 'SUCCEEDED', 1, now(), now(), now())`,
    [randomUUID(), randomUUID(), tenant, event, recipient, endpointId]);
    if (notify) {
      await db.query("select pg_notify('bench_floor', $1)", [recipient]);
    }
    await db.query('commit');
  };
  const measure = async (notify) => {
    const clients = [];
    for (let i = 0; i < settings.publishers; i++) {
      const db = new pg.Client({ connectionString: postgresUrl });
      await db.connect();
      clients.push(db);
    }
    let committed = 0;
    let measuring = false;
    let stopping = false;
    const latencies = [];
    const loops = clients.map(async (db, i) => {
      for (let n = 0; !stopping; n++) {
        const started = now();
        await publishOnce(db, ctx.recipients[(i + n * settings.publishers) % ctx.recipients.length], notify);
        if (measuring) {
          committed++;
          latencies.push(now() - started);
        }
      }
    });
    await sleep(Math.min(settings.warmupSeconds, 3) * 1000);
    const cpuBefore = cpuNow();
    measuring = true;
    const from = now();
    await sleep(settings.durationSeconds * 1000);
    measuring = false;
    const seconds = (now() - from) / 1000;
    const cpuAfter = cpuNow();
    stopping = true;
    await Promise.all(loops);
    await Promise.all(clients.map((db) => db.end()));
    const commit = summary(latencies);
    return {
      transactionsPerSecond: Math.round(committed / seconds), p50Ms: commit.p50Ms, p99Ms: commit.p99Ms,
      postgresCpuMicros: cpuPer(cpuBefore, cpuAfter, committed).postgresCpuMicros,
    };
  };
  const plain = await measure(false);
  const notifying = await measure(true);
  return { phase: 'floor', connections: settings.publishers, seconds: settings.durationSeconds, plain, notifying };
}

/**
 * The receiver alone, driven by autocannon with CONNECTIONS connections (as many as the service has
 * deliveries in flight), posting a body of the same size with the same headers as the service's last
 * delivery, a new webhook-id on every request.
 */
async function ceiling(ctx) {
  const { default: autocannon } = await import('autocannon');
  const sample = await ctx.receiver.expect(200, 'GET', '/sample');
  const original = JSON.parse(sample.body);
  const copy = { ...original, data: { ...original.data, phase: 'ceiling', measured: false } };
  // The same size: the padding takes up what the phase's name and flag changed.
  const unpadded = Buffer.byteLength(JSON.stringify({ ...copy, data: { ...copy.data, pad: '' } }));
  copy.data.pad = 'x'.repeat(Math.max(0, Buffer.byteLength(sample.body) - unpadded));
  const body = JSON.stringify(copy);
  const headers = {};
  for (const name of ['content-type', 'user-agent', 'webhook-timestamp', 'webhook-signature']) {
    headers[name] = sample.headers[name];
  }
  const result = await autocannon({
    url: `${settings.receiver}/webhook`,
    connections: settings.connections,
    duration: settings.durationSeconds,
    warmup: { connections: settings.connections, duration: settings.warmupSeconds },
    requests: [{
      method: 'POST',
      setupRequest: (request) => ({ ...request, body, headers: { ...headers, 'webhook-id': randomUUID() } }),
    }],
  });
  const stats = await ctx.stats('ceiling');
  return {
    phase: 'ceiling',
    connections: settings.connections,
    bodyBytes: Buffer.byteLength(body),
    serviceBodyBytes: Buffer.byteLength(sample.body),
    seconds: result.duration,
    requests: result['2xx'],
    requestsPerSecond: Math.round(result['2xx'] / result.duration),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    receiverDistinct: stats.distinct,
    receiverDuplicates: stats.duplicates,
  };
}

/** Reads the recipient's inbox stream; `onNotification(item, at)` for each notification. Answers once it is open. */
function inboxStream(serviceUrl, token, onNotification) {
  const url = new URL('/api/v1/inbox/stream', serviceUrl);
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`GET /api/v1/inbox/stream answered ${response.statusCode}`));
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      let opened = false;
      response.on('data', (chunk) => {
        const at = now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message';
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (name === 'unread-count' && !opened) {
            opened = true;
            resolve({ close: () => request.destroy() });
          } else if (name === 'notification') {
            onNotification(JSON.parse(data.join('\n')), at);
          }
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * At RATE events/s, an open model: event i is due at start + i / RATE whatever became of the ones
 * before, and its sentAt is when it was due, so time spent queueing on this side counts too. The
 * events go round-robin to the STREAM_USERS users, each of whose inbox stream this process reads.
 * WARMUP s at the rate first, then DURATION s measured; then waits for every event's webhook and
 * notification.
 */
async function latency(ctx, serviceUrl) {
  const sse = [];
  const seen = new Set();
  let duplicateNotifications = 0;
  const streams = [];
  for (const token of ctx.userTokens) {
    streams.push(await inboxStream(serviceUrl, token, (item, at) => {
      const data = item.data ?? {};
      if (data.phase !== 'latency') return;
      if (seen.has(data.seq)) {
        duplicateNotifications++;
        return;
      }
      seen.add(data.seq);
      if (data.measured) sse.push(at - data.sentAt);
    }));
  }
  try {
    const interval = 1000 / settings.rate;
    const warmupCount = Math.round(settings.warmupSeconds * settings.rate);
    const total = warmupCount + Math.round(settings.durationSeconds * settings.rate);
    const publishLatencies = [];
    let accepted = 0;
    let failed = 0;
    let firstFailure = null;
    let sendLag = 0;  // how far behind its schedule this side sent a measured event
    const inFlight = new Set();
    const start = now() + 50;
    let next = 0;
    await new Promise((resolve) => {
      const tick = () => {
        const t = now();
        while (next < total && start + next * interval <= t) {
          const seq = next++;
          const due = start + seq * interval;
          const measured = seq >= warmupCount;
          if (measured) sendLag = Math.max(sendLag, t - due);
          const sent = ctx.publish('latency', seq, ctx.users[seq % ctx.users.length], due, measured).then((answer) => {
            if (answer.status === 201) {
              if (measured) {
                accepted++;
                publishLatencies.push(now() - due);
              }
            } else {
              failed++;
              firstFailure ??= `${answer.status}: ${JSON.stringify(answer.body)}`;
            }
          }, (error) => {
            failed++;
            firstFailure ??= String(error);
          }).finally(() => inFlight.delete(sent));
          inFlight.add(sent);
        }
        if (next < total) setTimeout(tick, Math.max(0, start + next * interval - now()));
        else resolve();
      };
      setTimeout(tick, 50);
    });
    await Promise.all(inFlight);
    const measuredCount = total - warmupCount;
    const webhooks = await awaitWebhooks(ctx, 'latency', total, 60);
    const until = now() + 30_000;
    while (seen.size < total && now() < until) {
      await sleep(50);
    }
    const inbox = summary(sse);
    const publish = summary(publishLatencies);
    return {
      phase: 'latency',
      rate: settings.rate,
      streamUsers: ctx.users.length,
      seconds: settings.durationSeconds,
      measured: measuredCount,
      acceptedPerSecond: Math.round(accepted / settings.durationSeconds),
      sendLagMaxMs: round(sendLag),
      failed,
      firstFailure,
      webhookP50Ms: webhooks.latencyP50Ms,
      webhookP99Ms: webhooks.latencyP99Ms,
      webhookMaxMs: webhooks.latencyMaxMs,
      webhooksMeasured: webhooks.latencyCount,
      inboxP50Ms: inbox.p50Ms,
      inboxP99Ms: inbox.p99Ms,
      inboxMaxMs: inbox.maxMs,
      notificationsMeasured: inbox.count,
      publishP50Ms: publish.p50Ms,
      publishP99Ms: publish.p99Ms,
      webhooksMissing: total - webhooks.distinct,
      notificationsMissing: total - seen.size,
      duplicateNotifications,
    };
  } finally {
    streams.forEach((stream) => stream.close());
  }
}

const [mode, serviceUrl, workDir, postgresUrl] = process.argv.slice(2);
const modes = { setup, warm, accept, drain, ceiling, latency, floor };
if (!modes[mode] || !serviceUrl || !workDir) {
  console.error('usage: node driver.mjs setup|warm|accept|drain|ceiling|latency|floor <service url> <work dir> [<postgres url>]');
  process.exit(2);
}
const ctx = context(serviceUrl, workDir, mode === 'latency' ? 256 : settings.publishers + 8);
try {
  const argument = { setup: workDir, drain: postgresUrl, latency: serviceUrl, floor: postgresUrl }[mode];
  console.log(JSON.stringify(await modes[mode](ctx, argument)));
} finally {
  ctx.close();
}
