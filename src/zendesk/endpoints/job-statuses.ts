import type { SupportApiClient } from '../client.ts';
import { jobStatusesResponseSchema, jobStatusResponseSchema, type JobStatus } from '../schemas/job-statuses.ts';
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
