import {
  closeBatches,
  closePlan,
  emptyReport,
  type CloseBatch,
  type ClosePlan,
  type CloseReport,
} from '../../domain/after-send/close-remaining.ts';
import {
  exportSearch,
  jobState,
  showManyJobStatuses,
  showManyTickets,
  submitUpdateMany,
  type JobStatus,
  type SupportApiClient,
} from '../../zendesk/index.ts';
import { JobClock } from '../send/job-clock.ts';

/**
 * The campaign's tickets that are not solved yet. The search index lags by about a minute, so
 * it only proposes candidates: each one is read back from Zendesk (show_many reads the
 * database) and only tickets that really carry the tag and really are unsolved are kept. A
 * ticket reopened within the last minute may be missed; running it again catches it.
 */
export async function findRemaining(
  api: SupportApiClient,
  tag: string,
  options: { signal?: AbortSignal } = {},
): Promise<ClosePlan> {
  const ids: number[] = [];
  for await (const page of exportSearch(
    api,
    { query: `tags:${tag} status<solved`, type: 'ticket', pageSize: 1000 },
    options,
  )) {
    ids.push(...page.map((t) => t.id));
  }
  return closePlan(await showManyTickets(api, ids, options), tag);
}

export interface CloseProgress {
  total: number;
  closed: number;
  failed: number;
  /** Waiting for the account's ticket-update budget until this time (ms), when it is spent. */
  waitingUntil: number | null;
}

export interface CloseOutcome {
  report: CloseReport;
  /** Why it stopped before trying every ticket (signed out, no permission, network). */
  error: unknown;
}

/**
 * Solves the plan's tickets with update_many, 100 a job, paced like a send: Zendesk counts every
 * ticket of an update_many against the account's ticket updates per minute (100, or 300 with High
 * Volume; support-api.md §6), so when its header says the next batch would not fit, the app waits
 * for the minute to end instead of collecting 429s (which would also slow the agents down).
 * Running jobs are polled together when they should be done (JobClock, as for sending).
 */
export async function closeRemaining(
  api: SupportApiClient,
  plan: ClosePlan,
  agentId: number,
  onProgress: (progress: CloseProgress) => void = () => undefined,
): Promise<CloseOutcome> {
  const batches = closeBatches(plan.tickets, agentId);
  const report = emptyReport();
  const clock = new JobClock(api.clock);
  const running = new Map<string, CloseBatch>();
  const progress = (waitingUntil: number | null = null) =>
    onProgress({
      total: plan.tickets.length,
      closed: report.closed.length,
      failed: report.failed.length,
      waitingUntil,
    });
  let budget: { remaining: number; resetsAt: number } | undefined;
  let error: unknown = null;

  progress();
  for (const [index, batch] of batches.entries()) {
    if (budget && budget.remaining < batch.ids.length && budget.resetsAt > api.clock.now()) {
      progress(budget.resetsAt);
      await api.clock.sleep(budget.resetsAt - api.clock.now());
      budget = undefined;
    }
    try {
      const submission = await submitUpdateMany(api, batch.ids, batch.update);
      const { ticketUpdates } = submission;
      budget = ticketUpdates && {
        remaining: ticketUpdates.remaining,
        resetsAt: api.clock.now() + ticketUpdates.resetsInSeconds * 1000,
      };
      running.set(submission.job.id, batch);
      clock.submitted(submission.job.id, batch.ids.length);
      if (jobState(submission.job) !== 'in_progress') record(submission.job);
    } catch (failure) {
      error = failure;
      for (const rest of batches.slice(index)) report.notTried.push(...rest.ids);
      break;
    }
    progress();
  }

  while (running.size > 0) {
    const ids = [...running.keys()];
    await api.clock.sleep(Math.max(0, clock.nextPollAt(ids) - api.clock.now()));
    let statuses: JobStatus[];
    try {
      statuses = await showManyJobStatuses(api, ids);
    } catch {
      // The jobs run on in Zendesk whatever happened to this request.
      clock.backOff(ids);
      continue;
    }
    for (const job of statuses) {
      if (jobState(job) === 'in_progress') clock.observed(job);
      else record(job);
    }
    // A job Zendesk no longer knows (job data is kept a day): its tickets' outcome is unknown.
    for (const id of ids) if (!statuses.some((s) => s.id === id)) record({ id, status: 'failed', results: [] });
    progress();
  }
  return { report, error };

  function record(job: JobStatus): void {
    const batch = running.get(job.id);
    if (!batch) return;
    running.delete(job.id);
    clock.finished(job);
    const results = new Map((job.results ?? []).flatMap((r) => (r.id === undefined ? [] : [[r.id, r] as const])));
    for (const id of batch.ids) {
      const result = results.get(id);
      if (result?.success === true || (result && result.status === 'Updated')) report.closed.push(id);
      else
        report.failed.push({
          ticketId: id,
          reason: result ? [result.error, result.details].filter(Boolean).join(': ') : 'no result',
        });
    }
  }
}
