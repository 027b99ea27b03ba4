// The load side of the conversation benchmark (see README.md). Each mode prints one JSON line with its figures:
//
//   node driver.mjs appends <service url> <work dir>                 autocannon on POST .../messages (one message each)
//   node driver.mjs seed    <service url> <work dir> <name> <count>  a conversation of <count> messages, as <name>.json
//   node driver.mjs pages   <service url> <work dir> <name>          a page of 50 at the start, middle and end of <name>
//   node driver.mjs context <service url> <work dir> <name>          GET .../context of <name>
//   node driver.mjs chat    <service url> <work dir> <peers url>     streamed chat turns against the model's own answers
//
// The work dir holds member.token. Settings (environment): WARMUP (s, 10), DURATION (s, 30), CONNECTIONS (16),
// TURNS (300); SERVICE_PID and POSTMASTER_PID for the CPU time per request.
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { agent, call } from '../lib/http.mjs';
import { cpuNow as cpuOf, cpuPer, now, round, summary } from '../lib/measure.mjs';

const settings = {
  warmupSeconds: Number(process.env.WARMUP ?? 10),
  durationSeconds: Number(process.env.DURATION ?? 30),
  connections: Number(process.env.CONNECTIONS ?? 16),
  turns: Number(process.env.TURNS ?? 300),
};
const cpuNow = () => cpuOf(Number(process.env.SERVICE_PID));
const SENTENCE = 'The quick brown fox jumps over the lazy dog while the benchmark counts every token of this message ';

const token = (work) => readFileSync(join(work, 'member.token'), 'utf8').trim();

async function conversation(serviceUrl, member, fields = {}) {
  const answer = await call(serviceUrl, 'POST', '/api/v1/conversations', member, { title: 'bench', ...fields });
  if (answer.status !== 201) throw new Error(`creating a conversation: ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text).id;
}

/** autocannon for DURATION after a warm-up of WARMUP, with the CPU per request of the measured part. */
async function measured(options) {
  await autocannon({ ...options, duration: settings.warmupSeconds });
  const cpuBefore = cpuNow();
  const result = await autocannon({ ...options, duration: settings.durationSeconds });
  const cpuAfter = cpuNow();
  return {
    requestsPerSecond: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    ...cpuPer(cpuBefore, cpuAfter, result.requests.total),
  };
}

async function appends(serviceUrl, work) {
  const member = token(work);
  const conversations = [];
  for (let i = 0; i < settings.connections; i++) conversations.push(await conversation(serviceUrl, member, { model: 'gpt-4o' }));
  let next = 0;
  const body = JSON.stringify({ role: 'user', content: SENTENCE.repeat(3) });
  const result = await measured({
    url: serviceUrl, connections: settings.connections,
    requests: [{
      method: 'POST', body,
      headers: { authorization: `Bearer ${member}`, 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, path: `/api/v1/conversations/${conversations[next++ % conversations.length]}/messages` }),
    }],
  });
  return { connections: settings.connections, conversations: conversations.length, ...result };
}

async function seed(serviceUrl, work, name, count) {
  const member = token(work);
  const id = await conversation(serviceUrl, member);
  const started = Date.now();
  let sent = 0;
  async function worker() {
    while (sent < count) {
      const size = Math.min(100, count - sent);
      sent += size;
      const messages = Array.from({ length: size }, (_, i) => ({
        role: i % 2 === 0 ? 'user' : 'assistant', content: `${SENTENCE}${i}`, tokenCount: 24 }));
      const answer = await call(serviceUrl, 'POST', `/api/v1/conversations/${id}/messages`, member, { messages });
      if (answer.status !== 201) throw new Error(`seeding: ${answer.status} ${answer.text.slice(0, 200)}`);
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker));
  const result = { name, id, messages: count, seconds: round((Date.now() - started) / 1000) };
  writeFileSync(join(work, `${name}.json`), JSON.stringify(result));
  return result;
}

const seeded = (work, name) => JSON.parse(readFileSync(join(work, `${name}.json`), 'utf8'));

/** A keyset cursor as the service writes one (base64url of the message's place). */
const cursorAt = (seq) => Buffer.from(String(seq)).toString('base64url');

async function pages(serviceUrl, work, name) {
  const member = token(work);
  const { id, messages } = seeded(work, name);
  const base = `/api/v1/conversations/${id}/messages?limit=50`;
  const read = (path) => measured({ url: new URL(path, serviceUrl).toString(), connections: 1,
    headers: { authorization: `Bearer ${member}` } });
  return {
    messages,
    start: await read(`${base}&order=asc`),
    middle: await read(`${base}&order=asc&cursor=${cursorAt(Math.floor(messages / 2))}`),
    end: await read(`${base}&order=desc`),
  };
}

async function context(serviceUrl, work, name) {
  const member = token(work);
  const { id, messages } = seeded(work, name);
  const check = JSON.parse((await call(serviceUrl, 'GET', `/api/v1/conversations/${id}/context`, member)).text);
  const result = await measured({ url: new URL(`/api/v1/conversations/${id}/context`, serviceUrl).toString(),
    connections: 1, headers: { authorization: `Bearer ${member}` } });
  return { messages, messagesInContext: check.messages?.length, tokens: check.tokens?.total, ...result };
}

/** One streamed request: when its first text arrived and when it ended, in ms after it was sent. */
function streamed(url, headers, body, isText) {
  return new Promise((resolve, reject) => {
    const sent = now();
    let first = null;
    let buffer = '';
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`stream answered ${response.statusCode}`));
        response.setEncoding('utf8');
        response.on('data', (piece) => {
          buffer += piece;
          if (first === null && isText(buffer)) first = now() - sent;
        });
        response.on('end', () => resolve({ first, whole: now() - sent }));
      });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

async function chat(serviceUrl, work, peersUrl) {
  const member = token(work);
  const viaService = { first: [], whole: [] };
  const direct = { first: [], whole: [] };
  let id = null;
  const cpuBefore = cpuNow();
  for (let turn = 0; turn < settings.turns; turn++) {
    if (turn % 10 === 0) id = await conversation(serviceUrl, member);
    const flotilla = await streamed(new URL(`/api/v1/conversations/${id}/chat`, serviceUrl),
      { authorization: `Bearer ${member}` }, { content: `question ${turn}: ${SENTENCE}`, stream: true },
      (text) => text.includes('event: delta'));
    const model = await streamed(new URL('/v1/chat/completions', peersUrl), {},
      { model: 'bench-model', stream: true, messages: [{ role: 'user', content: SENTENCE }] },
      (text) => text.includes('"content":"word'));
    if (turn >= settings.turns / 10) { // the first tenth warms up
      viaService.first.push(flotilla.first); viaService.whole.push(flotilla.whole);
      direct.first.push(model.first); direct.whole.push(model.whole);
    }
  }
  const cpuAfter = cpuNow();
  const s = (values) => summary(values);
  const turnFirst = s(viaService.first);
  const modelFirst = s(direct.first);
  const turnWhole = s(viaService.whole);
  const modelWhole = s(direct.whole);
  return {
    turns: viaService.first.length,
    turnFirstToken: turnFirst, modelFirstToken: modelFirst,
    turnWhole, modelWhole,
    addedFirstTokenP50Ms: round(turnFirst.p50Ms - modelFirst.p50Ms),
    addedFirstTokenP99Ms: round(turnFirst.p99Ms - modelFirst.p99Ms),
    addedWholeP50Ms: round(turnWhole.p50Ms - modelWhole.p50Ms),
    addedWholeP99Ms: round(turnWhole.p99Ms - modelWhole.p99Ms),
    ...cpuPer(cpuBefore, cpuAfter, settings.turns),
  };
}

const [mode, serviceUrl, work, extra, count] = process.argv.slice(2);
const modes = {
  appends: () => appends(serviceUrl, work),
  seed: () => seed(serviceUrl, work, extra, Number(count)),
  pages: () => pages(serviceUrl, work, extra),
  context: () => context(serviceUrl, work, extra),
  chat: () => chat(serviceUrl, work, extra),
};
if (!modes[mode]) {
  console.error(`unknown mode ${mode}: appends, seed, pages, context or chat`);
  process.exit(2);
}
console.log(JSON.stringify(await modes[mode]()));
process.exit(0);
