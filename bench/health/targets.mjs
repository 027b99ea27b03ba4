// The targets of the health benchmark: one HTTP server on loopback answering every path `200 ok`, as
// 1,000 small services' health endpoints would. Prints READY once it listens.
//
//   node targets.mjs <port>

import http from 'node:http';

const port = Number(process.argv[2]);
let requests = 0;
const server = http.createServer((request, response) => {
  requests++;
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('ok');
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`READY on ${port}`));
process.on('SIGTERM', () => {
  console.log(`requests: ${requests}`);
  process.exit(0);
});
