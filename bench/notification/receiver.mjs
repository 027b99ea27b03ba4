// The webhook receiver of the notification benchmark: a plain Node.js HTTP server on loopback that
// answers every POST /webhook with 204 as soon as it has read the body, as a receiver that queues
// its work does. It counts distinct webhook-ids (a retried delivery has the same id and counts
// once) per phase, the phase being the `data.phase` of the body, and for a body whose data carries
// `sentAt` (when its publisher sent the event, epoch ms) and `measured: true`, the time from then
// to its arrival here. Both clocks are this machine's.
//
//   node receiver.mjs <port>
//
// Control, on the same server: GET /stats?phase=<p> (counts, first and last arrival, latency
// percentiles), POST /reset?phase=<p>, GET /sample (the headers and body of the last delivery of
// the service, for the load generator of the ceiling to copy).

import http from 'node:http';
import { now, percentile, round } from '../lib/measure.mjs';

const port = Number(process.argv[2]);
if (!port) {
  console.error('usage: node receiver.mjs <port>');
  process.exit(2);
}


const phases = new Map();
let sample = null;

function phase(name) {
  let p = phases.get(name);
  if (!p) {
    p = { ids: new Set(), requests: 0, duplicates: 0, firstAt: null, lastAt: null, latencies: [] };
    phases.set(name, p);
  }
  return p;
}

function stats(name) {
  const p = phase(name);
  const sorted = Float64Array.from(p.latencies).sort();
  return {
    phase: name,
    distinct: p.ids.size,
    requests: p.requests,
    duplicates: p.duplicates,
    firstAt: p.firstAt,
    lastAt: p.lastAt,
    latencyCount: sorted.length,
    latencyP50Ms: round(percentile(sorted, 50)),
    latencyP99Ms: round(percentile(sorted, 99)),
    latencyMaxMs: round(percentile(sorted, 100)),
  };
}

function received(request, body) {
  const at = now();
  const id = request.headers['webhook-id'];
  let data = {};
  try {
    data = JSON.parse(body).data ?? {};
  } catch {
    // counted under the phase "unparsed"
  }
  const p = phase(typeof data.phase === 'string' ? data.phase : 'unparsed');
  p.requests++;
  if (p.ids.has(id)) {
    p.duplicates++;
    return;
  }
  p.ids.add(id);
  p.firstAt ??= at;
  p.lastAt = at;
  if (data.measured === true && typeof data.sentAt === 'number') {
    p.latencies.push(at - data.sentAt);
  }
  if (data.phase !== 'ceiling') {
    sample = { headers: request.headers, body };
  }
}

function answer(response, status, value) {
  const text = value === undefined ? '' : JSON.stringify(value);
  response.writeHead(status, text ? { 'content-type': 'application/json' } : {});
  response.end(text);
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://receiver');
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    if (request.method === 'POST' && url.pathname === '/webhook') {
      received(request, Buffer.concat(chunks).toString('utf8'));
      response.writeHead(204);
      response.end();
    } else if (request.method === 'GET' && url.pathname === '/stats') {
      answer(response, 200, stats(url.searchParams.get('phase')));
    } else if (request.method === 'POST' && url.pathname === '/reset') {
      phases.delete(url.searchParams.get('phase'));
      answer(response, 204);
    } else if (request.method === 'GET' && url.pathname === '/sample') {
      answer(response, sample ? 200 : 404, sample ?? undefined);
    } else {
      answer(response, 404);
    }
  });
});
// The service keeps its connections to an endpoint open between deliveries; so does the receiver.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.listen(port, '127.0.0.1', () => {
  console.log(`READY http://127.0.0.1:${port}/webhook`);
});
process.on('SIGTERM', () => process.exit(0));
