// What the Node.js load drivers of the benchmarks call services with: one keep-alive agent, JSON bodies, a bearer token.

import http from 'node:http';

export const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** One request; answers its status and its body as text. */
export function call(baseUrl, method, path, token, body) {
  const url = new URL(path, baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method, agent,
      headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, text }));
    });
    request.on('error', reject);
    request.end(payload);
  });
}
