import { listParam, type ApiContext } from '../context.ts';
import { ok, recordNotFound, ReplyError, type Reply } from '../errors.ts';
import { MAX_INFLIGHT_JOBS } from '../jobs.ts';
import type { Route } from '../router.ts';
import { paginatedList } from '../pagination.ts';
import { tooMany } from './show-many.ts';

/** The account's jobs queued or running: the simulated callers' and, as a fault, other apps'. */
function jobsInFlight(ctx: ApiContext): number {
  return ctx.jobs.inflight(ctx.now).length + ctx.faults.otherJobsInFlight;
}

export function inflightHeader(ctx: ApiContext): Record<string, string> {
  const remaining = Math.max(0, MAX_INFLIGHT_JOBS - jobsInFlight(ctx));
  return { 'zendesk-ratelimit-inflight-jobs': `total=${MAX_INFLIGHT_JOBS}; remaining=${remaining}; resets=60` };
}

/** ≤30 jobs queued or running, else TooManyJobs (support-api.md §6; status 429 is (unverified)). */
export function assertJobSlot(ctx: ApiContext): void {
  const running = ctx.jobs.inflight(ctx.now);
  if (jobsInFlight(ctx) >= MAX_INFLIGHT_JOBS) {
    throw new ReplyError({
      status: 429,
      headers: { 'retry-after': '10', ...inflightHeader(ctx) },
      body: {
        error: 'TooManyJobs',
        description: 'Too many background jobs are currently queued or running. Try again later.',
        current_job_ids: running,
      },
    });
  }
}

/** The 200 `{job_status}` answer to a request that queued a job. */
export function jobReply(ctx: ApiContext, id: string, extraHeaders: Record<string, string> = {}): Reply {
  const status = ctx.jobs.status(id, ctx.now, ctx.origin);
  return ok({ job_status: status }, { ...inflightHeader(ctx), ...extraHeaders });
}

export const jobStatusRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'job_statuses',
    handle: (ctx) => paginatedList(ctx, ctx.jobs.list(ctx.actor.id, ctx.now, ctx.origin), 'job_statuses'),
  },
  {
    method: 'GET',
    pattern: 'job_statuses/show_many',
    handle: (ctx) => {
      const ids = listParam(ctx, 'ids');
      if (ids.length > 100) throw tooMany('ids');
      return ok({ job_statuses: ids.flatMap((id) => ctx.jobs.status(id, ctx.now, ctx.origin) ?? []) });
    },
  },
  {
    method: 'GET',
    pattern: 'job_statuses/:key',
    handle: (ctx) => {
      const status = ctx.jobs.status(ctx.params.key ?? '', ctx.now, ctx.origin);
      return status ? ok({ job_status: status }) : recordNotFound();
    },
  },
];
