import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from './index.ts';
import type { Faults } from './types.ts';

export interface SimulatorServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

export interface SimulatorServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  simulator: Simulator;
}

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, idempotency-key, x-requested-with',
  // Let a page on another port read the rate-limit and idempotency headers, as the app needs to.
  'access-control-expose-headers':
    'retry-after, x-rate-limit, x-rate-limit-remaining, ratelimit-limit, ratelimit-remaining, ratelimit-reset, ' +
    'x-zendesk-request-id, x-idempotency-lookup, zendesk-ratelimit-inflight-jobs, zendesk-ratelimit-search-index, location',
  'access-control-max-age': '600',
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function isFaults(value: unknown): value is Faults {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The sandbox host page's control surface; not part of the Zendesk API. */
function handleControl(sim: Simulator, method: string, path: string, body: string, response: ServerResponse): void {
  if (method === 'GET' && path === '/__sandbox/state') {
    const { account } = sim;
    return sendJson(response, 200, {
      plan: account.plan,
      rpm: account.rpm,
      faults: sim.getFaults(),
      counts: {
        users: account.users.length,
        organizations: account.organizations.length,
        tickets: account.tickets.length,
        views: account.views.length,
        triggers: account.triggers.length,
      },
      stats: { requests: sim.stats.requests, accepted: sim.stats.accepted, rejected429: sim.stats.rejected429 },
    });
  }
  // What triggers would have emailed, so a browser test can check "the requester was emailed".
  if (method === 'GET' && path === '/__sandbox/notifications') {
    return sendJson(response, 200, { notifications: sim.account.notifications });
  }
  if (method === 'POST' && path === '/__sandbox/faults') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body || '{}');
    } catch {
      return sendJson(response, 400, { error: 'faults must be JSON' });
    }
    if (!isFaults(parsed)) return sendJson(response, 400, { error: 'faults must be an object' });
    sim.setFaults(parsed);
    return sendJson(response, 200, { faults: sim.getFaults() });
  }
  if (method === 'POST' && path === '/__sandbox/reset') {
    sim.reset();
    return sendJson(response, 200, { reset: true });
  }
  sendJson(response, 404, { error: 'InvalidEndpoint', description: 'Not found' });
}

/** Serves the simulator over real HTTP: for the sandbox, e2e tests and `npm run simulator`. */
export async function startSimulatorServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const { simulator } = options;
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    void (async () => {
      const method = (request.method ?? 'GET').toUpperCase();
      const rawUrl = request.url ?? '/';
      const path = rawUrl.split('?')[0] ?? '/';
      if (method === 'OPTIONS') {
        response.writeHead(204, CORS_HEADERS);
        return response.end();
      }
      const body = await readBody(request);
      if (path.startsWith('/__sandbox/')) return handleControl(simulator, method, path, body, response);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers[name.toLowerCase()] = value;
        else if (Array.isArray(value)) headers[name.toLowerCase()] = value.join(', ');
      }
      // Absolute URL, so pagination links point back at this server.
      const url = `http://${request.headers.host ?? `${host}`}${rawUrl}`;
      const result = simulator.handle({ method, url, headers, body: body === '' ? undefined : body });
      if ('dropped' in result) {
        // The request was processed; the client never hears back.
        request.socket.destroy();
        return;
      }
      response.writeHead(result.status, { ...CORS_HEADERS, ...result.headers });
      response.end(result.body);
    })().catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: 'SimulatorError', description: String(error) });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
