import { z } from 'zod';

/**
 * One entry of `job_status.results`: `{index, id}` for a created ticket, `{index, error:
 * "TicketCreateFailed", details}` for a failed one, `{id, action, status, success}` for updates.
 */
export const jobResultSchema = z.looseObject({
  index: z.number().int().optional(),
  id: z.number().int().optional(),
  error: z.string().optional(),
  details: z.string().optional(),
  action: z.string().optional(),
  status: z.string().optional(),
  success: z.boolean().optional(),
});
export type JobResult = z.infer<typeof jobResultSchema>;

export const jobStatusSchema = z.looseObject({
  id: z.string(),
  job_type: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  // Documented (nullable) but not required: the spec's own show_many example leaves both out.
  total: z.number().int().nullable().optional(),
  progress: z.number().int().nullable().optional(),
  // Documented: queued | working | failed | completed ("killed" in older docs): kept open, and
  // anything unknown is treated as a failed terminal state by the send flow.
  status: z.string(),
  message: z.string().nullable().optional(),
  results: z.array(jobResultSchema).nullable().optional(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobStatusResponseSchema = z.looseObject({ job_status: jobStatusSchema });
export const jobStatusesResponseSchema = z.looseObject({ job_statuses: z.array(jobStatusSchema) });

/**
 * Where a job stands. Only queued/working are in progress; `completed` is done (read every
 * result: items can fail inside a completed job); `failed`, the old `killed` and anything Zendesk
 * may add later count as failed, so a poller never waits forever on a state it does not know.
 */
export function jobState(job: Pick<JobStatus, 'status'>): 'in_progress' | 'completed' | 'failed' {
  if (job.status === 'queued' || job.status === 'working') return 'in_progress';
  return job.status === 'completed' ? 'completed' : 'failed';
}
