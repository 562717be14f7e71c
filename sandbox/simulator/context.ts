import type { DemoAccount } from './account.ts';
import type { FaultInjector } from './faults.ts';
import type { Random } from './prng.ts';
import type { JobQueue } from './jobs.ts';
import type { IdempotencyCache } from './idempotency.ts';
import type { SearchIndex } from './search-index.ts';
import type { TicketServices } from './ticket-services.ts';
import type { ZendeskUser } from './types.ts';

/** Everything an endpoint may use to answer one request. */
export interface ApiContext {
  method: string;
  /** The path after `/api/v2/`, without `.json`: `users/123`. */
  path: string;
  /** The path as requested (`/api/v2/users.json`), for pagination links. */
  requestPath: string;
  query: URLSearchParams;
  /** Route parameters (`:id`). */
  params: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body (POST/PUT), undefined otherwise. */
  body: unknown;
  rawBody: string | undefined;
  actor: ZendeskUser;
  now: number;
  /** `https://proactive-demo.zendesk.com`, or the origin the request came to. */
  origin: string;
  account: DemoAccount;
  jobs: JobQueue;
  idempotency: IdempotencyCache;
  faults: FaultInjector;
  random: Random;
  /** What search has indexed so far (search lags writes, support-api.md §2.1). */
  searchIndex: SearchIndex;
  tickets: TicketServices;
}

export function isAdmin(ctx: ApiContext): boolean {
  return ctx.actor.role === 'admin';
}

/** Integer route parameter; routes only bind `:id` to digits. */
export function idParam(ctx: ApiContext, name = 'id'): number {
  return Number(ctx.params[name]);
}

/** `ids=1,2,3` → numbers (non-numbers dropped, as Zendesk ignores them). */
export function listParam(ctx: ApiContext, name: string): string[] {
  const raw = ctx.query.get(name);
  if (raw === null || raw.trim() === '') return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
