/**
 * A small round-robin HTTP proxy for bench:instances, standing in for the load balancer in front of several instances:
 * each request goes to the next port of BACKENDS (comma-separated, on 127.0.0.1) over kept-alive connections.
 * Prints {"port":N} when listening (PORT, 0 for any free one). Benchmarks only: no timeouts, no health checks.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const backends = (process.env.BACKENDS ?? '').split(',').filter(Boolean).map(Number);
if (backends.length === 0 || backends.some((port) => !Number.isInteger(port))) throw new Error('BACKENDS must list ports: 3001,3002');

// Kept-alive connections to the instances, as a load balancer keeps them: no connection set-up per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
let next = 0;

/**
 * Sends the request to the instance and its answer back. A kept-alive connection the instance closed as it was reused
 * (its idle timeout) fails at once with ECONNRESET: that request is sent again, once, as load balancers do for requests
 * that never reached the instance. Anything else is a 502, logged.
 */
function forward(request: http.IncomingMessage, body: Buffer, response: http.ServerResponse, retried = false): void {
  const port = backends[next++ % backends.length];
  const upstream = http.request(
    { host: '127.0.0.1', port, method: request.method, path: request.url, headers: request.headers, agent },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    if (!retried && upstream.reusedSocket && error.code === 'ECONNRESET') return forward(request, body, response, true);
    console.log(JSON.stringify({ proxyError: error.code ?? error.message, port }));
    if (!response.headersSent) response.writeHead(502);
    response.end();
  });
  upstream.end(body);
}

const server = http.createServer((request, response) => {
  // Bodies here are small JSON activities: read whole, so a retry can send them again.
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => forward(request, Buffer.concat(chunks), response));
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port, backends }));
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
