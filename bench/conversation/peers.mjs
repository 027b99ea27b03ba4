// The peers conversation-service calls in the conversation benchmark (see README.md), on one port:
//   POST /v1/chat/completions   an OpenAI-wire model answering in fixed time: streamed, the first chunk FIRST_TOKEN_MS
//                               after the request, then CHUNKS chunks CHUNK_MS apart, the usage chunk and [DONE];
//                               whole, the answer after FIRST_TOKEN_MS + CHUNKS * CHUNK_MS
//   POST /api/v1/decisions      policy-service's decision, always ALLOW
//
//   node peers.mjs <port>       prints READY once listening
import http from 'node:http';

const firstTokenMs = Number(process.env.FIRST_TOKEN_MS ?? 50);
const chunkMs = Number(process.env.CHUNK_MS ?? 5);
const chunks = Number(process.env.CHUNKS ?? 20);

const allow = JSON.stringify({
  decision: 'ALLOW',
  matchedRules: [{ policyId: '0190a000-0000-7000-8000-000000000001', policy: 'default', version: 1, rule: 'bench', effect: 'allow' }],
  reasons: ['allowed by the benchmark'],
});

function chunk(id, delta, finishReason) {
  return `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: 'bench-model',
    choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
}

function stream(response, id) {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let sent = 0;
  const next = () => {
    if (response.destroyed) return;
    if (sent === 0) response.write(chunk(id, { role: 'assistant', content: '' }, null));
    if (sent < chunks) {
      response.write(chunk(id, { content: `word${sent} ` }, null));
      sent++;
      setTimeout(next, chunkMs);
      return;
    }
    response.write(chunk(id, {}, 'stop'));
    response.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: 'bench-model', choices: [],
      usage: { prompt_tokens: 10, completion_tokens: chunks, total_tokens: 10 + chunks } })}\n\n`);
    response.end('data: [DONE]\n\n');
  };
  setTimeout(next, firstTokenMs);
}

function whole(response, id) {
  setTimeout(() => {
    const content = Array.from({ length: chunks }, (_, i) => `word${i} `).join('');
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id, object: 'chat.completion', created: 0, model: 'bench-model',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: chunks, total_tokens: 10 + chunks } }));
  }, firstTokenMs + chunks * chunkMs);
}

let ids = 0;
const server = http.createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (piece) => { body += piece; });
  request.on('end', () => {
    if (request.url.startsWith('/api/v1/decisions')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(allow);
    } else if (request.url.endsWith('/chat/completions')) {
      const id = `chatcmpl-bench-${ids++}`;
      if (JSON.parse(body).stream) stream(response, id); else whole(response, id);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('READY'));
