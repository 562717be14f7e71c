import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createSimulator, type Simulator, type SimulatorOptions } from './simulator/index.ts';
import { startSimulatorServer } from './simulator/http.ts';
import type { SandboxConfig } from './host/config.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface SandboxOptions {
  /** The host page ("Zendesk"), on http://localhost. 0 picks a free port. */
  hostPort?: number;
  /** The built app, on http://127.0.0.1: a different origin, as Zendesk serves apps from its CDN. */
  appPort?: number;
  simulatorPort?: number;
  simulator?: SimulatorOptions;
  /** The built app (`npm run build`); must contain assets/index.html. */
  distDir?: string;
}

export interface Sandbox {
  /** Open this: the Agent Workspace stand-in. */
  hostUrl: string;
  /** The app's index.html, opened directly (outside Zendesk). */
  appUrl: string;
  /** The simulated Support API's origin. */
  apiUrl: string;
  simulator: Simulator;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const distDir = resolve(options.distDir ?? join(repoRoot, 'dist'));
  if (!existsSync(join(distDir, 'assets', 'index.html'))) {
    throw new Error(`No built app in ${distDir} (run npm run build first)`);
  }
  const simulator = createSimulator(options.simulator);
  const api = await startSimulatorServer({ port: options.simulatorPort ?? 4599, simulator });
  const apiOrigin = new URL(api.url).origin;

  // The host's port is known only once it listens (after the app server), hence the late binding.
  let hostOrigin = '';
  const appServer = createServer((req, res) =>
    serveDirectory(distDir, req, res, { 'content-security-policy': appContentSecurityPolicy(hostOrigin) }),
  );
  const appPort = await listen(appServer, options.appPort ?? 4568);
  const appOrigin = `http://127.0.0.1:${appPort}`;

  const hostFiles = await buildHostPage();
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'manifest.json'), 'utf8')) as ManifestLike;
  const config: SandboxConfig = {
    appUrl: `${appOrigin}/assets/index.html`,
    appGuid: randomUUID(),
    appName: manifest.name ?? 'Proactive Campaigns',
    appVersion: manifest.version ?? '0.0.0',
    settings: Object.fromEntries((manifest.parameters ?? []).map((p) => [p.name, p.default ?? null])),
    subdomain: 'proactive-demo',
  };
  const hostServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path.startsWith('/api/v2/') || path.startsWith('/__sandbox/')) return proxy(apiOrigin, req, res);
    if (path === '/sandbox-config.json') return send(res, 200, CONTENT_TYPES['.json'], JSON.stringify(config));
    if (path === '/icon_nav_bar.svg') return serveFile(join(repoRoot, 'assets', 'icon_nav_bar.svg'), res);
    const file = hostFiles.get(path === '/' ? '/index.html' : path);
    if (file) return send(res, 200, CONTENT_TYPES[extname(path || '.html')] ?? CONTENT_TYPES['.html'], file);
    send(res, 404, 'text/plain', 'Not found');
  });
  const hostPort = await listen(hostServer, options.hostPort ?? 4567);
  // `localhost`, not 127.0.0.1: the host and the app must be different origins, as in Zendesk.
  hostOrigin = `http://localhost:${hostPort}`;

  return {
    hostUrl: `${hostOrigin}/`,
    appUrl: config.appUrl,
    apiUrl: apiOrigin,
    simulator,
    async close() {
      await Promise.all([closeServer(hostServer), closeServer(appServer), api.close()]);
    },
  };
}

/**
 * The policy the built app must live under: what a strict Zendesk account or a security review
 * would demand, so that an inline script, an `eval`, or a request to a third party shows up here
 * as a blocked resource and a `securitypolicyviolation` (the e2e tests fail on either) rather
 * than in production.
 *
 * - `script-src 'self'`: the bundle only. No inline script, no `eval`/`new Function` (zod 4 is
 *   told to stay `jitless` in src/main.tsx for this reason).
 * - `style-src 'self' 'unsafe-inline'`: styled-components (under Garden) injects `<style>` tags
 *   at run time, and Garden's floating parts set inline styles. There is no nonce to give it in
 *   a static Zendesk app, so inline styles are the accepted exception; styles cannot run code.
 * - `connect-src 'self'`: every Support API call leaves through ZAF (postMessage to the host),
 *   not from the app's own origin; 'self' covers the bundle's module preloads.
 * - `frame-ancestors`: only the host page ("Zendesk") may frame the app.
 * - `default-src 'none'`, `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`:
 *   anything not named above is refused.
 */
export function appContentSecurityPolicy(hostOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-ancestors ${hostOrigin || "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

interface ManifestLike {
  name?: string;
  version?: string;
  parameters?: Array<{ name: string; default?: unknown }>;
}

/** Compiles sandbox/host (TypeScript + CSS) in memory with Vite; about a second. */
async function buildHostPage(): Promise<Map<string, string | Uint8Array>> {
  const result = await build({
    configFile: false,
    root: join(repoRoot, 'sandbox', 'host'),
    base: '/',
    logLevel: 'warn',
    build: { write: false, emptyOutDir: false, minify: false, sourcemap: 'inline' },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const files = new Map<string, string | Uint8Array>();
  for (const item of outputs) {
    files.set(`/${item.fileName}`, item.type === 'chunk' ? item.code : item.source);
  }
  return files;
}

function proxy(apiOrigin: string, req: IncomingMessage, res: ServerResponse): void {
  const target = new URL(req.url ?? '/', apiOrigin);
  const upstream = httpRequest(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  // The simulator drops connections on purpose (fault injection): pass the drop on to the browser.
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

function serveDirectory(root: string, req: IncomingMessage, res: ServerResponse, headers: ExtraHeaders = {}): void {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://app').pathname);
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'text/plain', 'Forbidden', headers);
  serveFile(file, res, headers);
}

type ExtraHeaders = Record<string, string>;

function serveFile(file: string, res: ServerResponse, headers: ExtraHeaders = {}): void {
  if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'text/plain', 'Not found', headers);
  send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), headers);
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string | undefined,
  body: string | Uint8Array,
  headers: ExtraHeaders = {},
): void {
  res.writeHead(status, {
    ...headers,
    'content-type': contentType ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePort((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}
