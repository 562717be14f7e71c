import type { SupportApiClient } from '../client.ts';
import { withQuery } from '../pagination.ts';
import { jobStatusesResponseSchema, jobStatusResponseSchema, type JobStatus } from '../schemas/job-statuses.ts';
import { chunks, type CallOptions } from './call-options.ts';

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
  const pages = await Promise.all(
    chunks(ids, 100).map((chunk) =>
      client.request(
        { method: 'GET', url: withQuery('/api/v2/job_statuses/show_many', { ids: chunk.join(',') }) },
        jobStatusesResponseSchema,
        options,
      ),
    ),
  );
  return pages.flatMap((page) => page.job_statuses);
}
