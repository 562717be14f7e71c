import type { SupportApiClient } from '../client.ts';
import { jobStatusesResponseSchema, jobStatusResponseSchema, type JobStatus } from '../schemas/job-statuses.ts';
import { cursorPages } from '../pagination.ts';
import { cursorPageSchema } from '../schemas/pagination.ts';
import type { CallOptions } from './call-options.ts';
import { showManyInChunks } from './show-many.ts';

export async function getJobStatus(client: SupportApiClient, id: string, options?: CallOptions): Promise<JobStatus> {
  const { job_status } = await client.request(
    { method: 'GET', url: `/api/v2/job_statuses/${encodeURIComponent(id)}` },
    jobStatusResponseSchema,
    options,
  );
  return job_status;
}

/** GET /api/v2/job_statuses/show_many: one request polls many jobs (≤100 ids per request). */
export async function showManyJobStatuses(
  client: SupportApiClient,
  ids: readonly string[],
  options?: CallOptions,
): Promise<JobStatus[]> {
  return showManyInChunks(
    client,
    '/api/v2/job_statuses/show_many',
    ids,
    jobStatusesResponseSchema,
    (page) => page.job_statuses,
    options,
  );
}

/**
 * GET /api/v2/job_statuses: the agent's recent jobs, newest first (cursor pages of 100). The
 * send engine reads it to find a job whose creating request never got its answer.
 */
export async function listRecentJobStatuses(
  client: SupportApiClient,
  limits: { pages?: number } = {},
  options?: CallOptions,
): Promise<JobStatus[]> {
  const out: JobStatus[] = [];
  let pages = 0;
  for await (const page of cursorPages(
    client,
    '/api/v2/job_statuses?page[size]=100',
    jobStatusesResponseSchema.extend({ meta: cursorPageSchema.shape.meta, links: cursorPageSchema.shape.links }),
    options,
  )) {
    out.push(...page.job_statuses);
    if (++pages >= (limits.pages ?? 2)) break;
  }
  return out;
}
