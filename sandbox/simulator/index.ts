import { systemClock, type Clock } from '../../src/zendesk/clock.ts';
import { DEMO_ORIGIN, type DemoAccount } from './account.ts';
import type { ApiContext } from './context.ts';
import { ENDPOINT_BUDGETS, EndpointBudgets } from './endpoint-budgets.ts';
import { ALL_ROUTES } from './endpoints/index.ts';
import { badRequest, forbidden, invalidEndpoint, ReplyError, unauthenticated, type Reply } from './errors.ts';
import { FaultInjector } from './faults.ts';
import { IdempotencyCache } from './idempotency.ts';
import { createRandom, deriveSeed } from './prng.ts';
import { bucketHeader, MinuteBucket, rateLimitHeaders } from './rate-limit.ts';
import { matchRoute } from './router.ts';
import { seedAccount } from './seed/index.ts';
import { createTicketServices } from './ticket-services.ts';
import { MINUTE_MS } from './time.ts';
import {
  PLAN_RPM,
  type ZendeskUser,
  type Faults,
  type SimRequest,
  type SimResponse,
  type SimulatorOptions,
} from './types.ts';

export type { SimRequest, SimResponse, SimulatorOptions, Faults, Plan } from './types.ts';
export type { DemoAccount } from './account.ts';
export { DEMO_ORIGIN } from './account.ts';
export { DEMO_IDENTITIES } from './seed/people.ts';

export interface SimulatorStats {
  /** Every request that reached the simulator. */
  requests: number;
  /** Requests that passed the rate limit and counted against the budget. */
  accepted: number;
  rejected429: number;
  /** Accepted requests per minute window, keyed by the window's start (epoch ms). */
  perMinute: Map<number, number>;
}

export interface Simulator {
  handle(request: SimRequest): SimResponse;
  readonly clock: Clock;
  readonly account: DemoAccount;
  setFaults(faults: Faults): void;
  /** The faults in force (for the sandbox control surface). */
  getFaults(): Faults;
  /** Re-seeds the account and clears jobs, caches, budgets and stats (sandbox "reset"). */
  reset(): void;
  readonly stats: SimulatorStats;
}

/** Zendesk's rate limit 429 body. Exact text (unverified): as commonly reported. */
const RATE_LIMITED_BODY = {
  error: 'APIRateLimitExceeded',
  description: 'Number of allowed API requests per minute exceeded',
};

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? 1;
  const plan = options.plan ?? 'professional';
  const rpm = options.rpm ?? PLAN_RPM[plan];

  const accountBucket = new MinuteBucket(rpm);
  const endpointBudgets = new EndpointBudgets();
  const stats: SimulatorStats = { requests: 0, accepted: 0, rejected429: 0, perMinute: new Map() };
  let requestCounter = 0;

  const build = (initialFaults: Faults) => {
    const account = seedAccount({
      seed,
      users: options.users,
      organizations: options.organizations,
      plan,
      rpm,
      now: clock.now(),
      multipleOrganizations: options.multipleOrganizations,
    });
    account.customObjects.enabled = options.customObjects ?? plan !== 'essential';
    return {
      account,
      random: createRandom(deriveSeed(seed, 2)),
      ...createTicketServices(account, options, seed, createRandom(deriveSeed(seed, 3)), clock.now()),
      idempotency: new IdempotencyCache(),
      faults: new FaultInjector(initialFaults, createRandom(deriveSeed(seed, 4))),
    };
  };
  let state = build(options.faults ?? {});

  // A replayed POST (Faults.replayPostRate): the browser sends it again by itself after the
  // connection dropped unanswered; Zendesk processes both, the client only sees the second answer.
  const handle = (request: SimRequest): SimResponse => {
    const first = handleOnce(request);
    return request.method.toUpperCase() === 'POST' && state.faults.replayPost() ? handleOnce(request) : first;
  };

  const handleOnce = (request: SimRequest): SimResponse => {
    const { account, jobs, idempotency, faults, random, searchIndex, tickets } = state;
    stats.requests++;
    const now = clock.now();
    const requestId = `sim-${seed.toString(16)}-${(++requestCounter).toString(16).padStart(8, '0')}`;
    const baseHeaders: Record<string, string> = { 'x-zendesk-request-id': requestId };
    const respond = (reply: Reply, extra: Record<string, string>): SimResponse => {
      const body =
        reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      const contentType =
        typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
      return {
        status: reply.status,
        headers: { ...baseHeaders, ...extra, ...(body ? { 'content-type': contentType } : {}), ...reply.headers },
        body,
      };
    };

    let url: URL;
    try {
      url = new URL(request.url, DEMO_ORIGIN);
    } catch {
      return respond(invalidEndpoint(), rateLimitHeaders(accountBucket.check(now), false));
    }
    const origin = /^https?:\/\//i.test(request.url) ? url.origin : DEMO_ORIGIN;
    const method = request.method.toUpperCase();
    const match = url.pathname.match(/^\/api\/v2\/(.*?)(?:\.json)?\/?$/);
    const path = match?.[1] ?? '';
    const routed = match ? matchRoute(ALL_ROUTES, method, path) : undefined;

    jobs.advance(now);

    // Order matters and mirrors Zendesk: an unauthenticated call spends no budget; a 429 (burst
    // fault, account budget, endpoint budget) is never processed and never counts as accepted;
    // a 5xx fault has passed the limiter, so it does count; a drop happens after processing.
    const actor = identify(account, request.headers.authorization);
    if (actor === 'unauthenticated')
      return respond(unauthenticated(), rateLimitHeaders(accountBucket.check(now), false));

    const burst = faults.burst429();
    if (burst) {
      stats.rejected429++;
      return respond(burst, rateLimitHeaders(accountBucket.check(now), false));
    }
    const budget = accountBucket.check(now);
    if (!budget.allowed) {
      stats.rejected429++;
      return respond(
        { status: 429, headers: { 'retry-after': String(budget.resetSeconds) }, body: RATE_LIMITED_BODY },
        rateLimitHeaders(budget, false),
      );
    }
    const extraHeaders = rateLimitHeaders(budget, true);
    const bucketKind = routed?.route.bucket;
    if (bucketKind) {
      const endpointBucket = endpointBudgets.bucket(bucketKind, routed.params.id, actor.id);
      const check = endpointBucket.check(now);
      const headerName = ENDPOINT_BUDGETS[bucketKind].header;
      if (!check.allowed) {
        stats.rejected429++;
        return respond(
          {
            status: 429,
            headers: { 'retry-after': String(check.resetSeconds), [headerName]: bucketHeader(check, false) },
            body: RATE_LIMITED_BODY,
          },
          rateLimitHeaders(budget, false),
        );
      }
      endpointBucket.take(now);
      extraHeaders[headerName] = bucketHeader(check, true);
    }
    accountBucket.take(now);
    stats.accepted++;
    const windowStart = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    stats.perMinute.set(windowStart, (stats.perMinute.get(windowStart) ?? 0) + 1);

    const failure = faults.serverError();
    if (failure) return respond(failure, extraHeaders);

    const reply = answer();
    if (faults.dropConnection()) return { dropped: true };
    const lateFailure = faults.timeoutAfterProcessing();
    if (lateFailure) return respond(lateFailure, extraHeaders);
    return respond(reply, extraHeaders);

    function answer(): Reply {
      if (!routed || actor === 'unauthenticated') return invalidEndpoint();
      const access = routed.route.access ?? 'agent';
      if (access === 'agent' && actor.role === 'end-user') return forbidden();
      if (access === 'admin' && actor.role !== 'admin') return forbidden();
      let body: unknown;
      const rawBody = request.body;
      if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && rawBody !== undefined && rawBody !== '') {
        // Zendesk requires JSON with its content type on writes (support-api.md §1).
        // Exact 400 body for these (unverified).
        if (!(request.headers['content-type'] ?? '').toLowerCase().includes('application/json')) {
          return badRequest('InvalidContentType', 'Content-Type must be application/json');
        }
        try {
          body = JSON.parse(rawBody);
        } catch {
          return badRequest('InvalidJSON', 'The request body is not valid JSON');
        }
      }
      const ctx: ApiContext = {
        method,
        path,
        requestPath: url.pathname,
        query: url.searchParams,
        params: routed.params,
        headers: request.headers,
        body,
        rawBody,
        actor,
        now,
        origin,
        account,
        jobs,
        idempotency,
        faults,
        random,
        searchIndex,
        tickets,
      };
      try {
        return routed.route.handle(ctx);
      } catch (error) {
        if (error instanceof ReplyError) return error.reply;
        throw error;
      }
    }
  };

  function identify(account: DemoAccount, authorization: string | undefined): ZendeskUser | 'unauthenticated' {
    if (!authorization) return options.requireAuth ? 'unauthenticated' : account.owner;
    const match = authorization.match(/^Basic\s+(.+)$/i);
    if (!match?.[1]) return 'unauthenticated';
    let decoded: string;
    try {
      decoded = atob(match[1]);
    } catch {
      return 'unauthenticated';
    }
    // `<email>/token:<api token>` or `<email>:<password>`: only the email matters here.
    const email =
      decoded
        .split(':')[0]
        ?.replace(/\/token$/, '')
        .toLowerCase() ?? '';
    const user = account.usersByEmail.get(email);
    return user && user.active && !user.suspended ? user : 'unauthenticated';
  }

  return {
    handle,
    clock,
    get account() {
      // Jobs run on clock time: bring them up to now, so a direct read sees what a request would.
      state.jobs.advance(clock.now());
      return state.account;
    },
    setFaults: (next) => state.faults.set(next),
    getFaults: () => state.faults.current,
    reset: () => {
      state = build(state.faults.current);
      accountBucket.reset();
      endpointBudgets.reset();
      stats.requests = 0;
      stats.accepted = 0;
      stats.rejected429 = 0;
      stats.perMinute.clear();
    },
    stats,
  };
}

/** `Authorization` header value that makes the simulator act as `email`. */
export function basicAuthFor(email: string): string {
  return `Basic ${btoa(`${email}/token:sandbox`)}`;
}
