import { MinuteBucket } from './rate-limit.ts';
import { MINUTE_MS } from './time.ts';

/** Endpoints with a budget of their own, on top of the account's (support-api.md §2.1, §7). */
export type BudgetKind = 'search' | 'export' | 'view_count' | 'view_execute' | 'view_count_many' | 'view_preview';

interface BudgetRule {
  limit: number;
  windowMs: number;
  /** The response header that reports it. Only the search one is documented; the rest are (unverified). */
  header: string;
  /** Who shares one budget: the whole account, each agent, or each agent per view. */
  scope: 'account' | 'agent' | 'view_and_agent';
}

export const ENDPOINT_BUDGETS: Record<BudgetKind, BudgetRule> = {
  // /search: 2,500 a minute per account (DOC-SEARCH).
  search: { limit: 2500, windowMs: MINUTE_MS, header: 'zendesk-ratelimit-search-index', scope: 'account' },
  // /search/export: 100 a minute per account (DOC-SEARCH).
  export: { limit: 100, windowMs: MINUTE_MS, header: 'zendesk-ratelimit-search-export', scope: 'account' },
  // views/{id}/count and views/{id}/execute: each "5 requests per minute, per view, per agent" (DOC-VIEWS).
  view_count: { limit: 5, windowMs: MINUTE_MS, header: 'zendesk-ratelimit-view-count', scope: 'view_and_agent' },
  view_execute: { limit: 5, windowMs: MINUTE_MS, header: 'zendesk-ratelimit-view-execute', scope: 'view_and_agent' },
  // views/count_many: "6 requests every 5 minutes" (DOC-VIEWS); per agent as support-api.md §7 reads it.
  view_count_many: {
    limit: 6,
    windowMs: 5 * MINUTE_MS,
    header: 'zendesk-ratelimit-view-count-many',
    scope: 'agent',
  },
  // views/preview(/count): "5 requests per minute, per view, per agent" (DOC-VIEWS); a preview has no
  // view, so both preview endpoints share one budget per agent (unverified, the stricter reading).
  view_preview: { limit: 5, windowMs: MINUTE_MS, header: 'zendesk-ratelimit-view-preview', scope: 'agent' },
};

/** The buckets of every endpoint budget, created on first use per account, agent or view. */
export class EndpointBudgets {
  private readonly buckets = new Map<string, MinuteBucket>();

  bucket(kind: BudgetKind, viewId: string | undefined, userId: number): MinuteBucket {
    const rule = ENDPOINT_BUDGETS[kind];
    const scopeKey = { account: '', agent: `${userId}`, view_and_agent: `${viewId ?? ''}:${userId}` }[rule.scope];
    const key = `${kind}|${scopeKey}`;
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new MinuteBucket(rule.limit, rule.windowMs)));
    return bucket;
  }

  reset(): void {
    this.buckets.clear();
  }
}
