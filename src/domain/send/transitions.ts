import type { JobResult, JobStatus } from '../../zendesk/index.ts';
import type { Batch, OutcomeNote, SendRun } from './send-run.ts';

/**
 * How a send run changes, as pure functions of the run: the runner applies them and writes the
 * result to the journal after each one.
 */
export function withBatch(run: SendRun, index: number, change: Partial<Batch>, now: number): SendRun {
  return {
    ...run,
    batches: run.batches.map((b, i) => (i === index ? { ...b, ...change } : b)),
    updatedAt: now,
  };
}

export function withNote(run: SendRun, position: number, note: OutcomeNote): SendRun {
  return { ...run, notes: { ...run.notes, [String(position)]: note } };
}

export function withCreated(run: SendRun, position: number, ticketId: number): SendRun {
  const created = [...run.created];
  created[position] = ticketId;
  const notes = { ...run.notes };
  delete notes[String(position)];
  return { ...run, created, notes };
}

/** Positions of a batch still without an outcome. */
export function openMembers(run: SendRun, batch: Batch): number[] {
  return batch.members.filter((p) => (run.created[p] ?? 0) === 0 && run.notes[String(p)] === undefined);
}

/** A new batch for customers whose earlier attempt created nothing (a new key: the content is new). */
export function addBatch(run: SendRun, members: number[], key: string, now: number): SendRun {
  if (members.length === 0) return run;
  return {
    ...run,
    batches: [...run.batches, { members, state: 'planned', key, jobId: null, submittedAt: null }],
    updatedAt: now,
  };
}

export interface RecordedJob {
  run: SendRun;
  /** Members the job gave no result for: their outcome is unknown and must be reconciled. */
  unaccounted: number[];
}

/**
 * A finished job's (completed or failed) per-ticket results onto the run: `{index, id}` is a created ticket, `{index,
 * error, details}` a failure with Zendesk's reason. Results map back by `index` into the items
 * sent, which are the batch's members in order (`sent`).
 */
export function recordJob(
  run: SendRun,
  batchIndex: number,
  sent: readonly number[],
  job: JobStatus,
  now: number,
): RecordedJob {
  let next = run;
  const seen = new Set<number>();
  for (const result of job.results ?? []) {
    const position = positionOf(result, sent);
    if (position === undefined) continue;
    seen.add(position);
    if (typeof result.id === 'number' && result.error === undefined) next = withCreated(next, position, result.id);
    else
      next = withNote(next, position, {
        kind: 'failed',
        code: result.error ?? 'TicketCreateFailed',
        details: result.details ?? result.status ?? '',
        ticketId: null,
      });
  }
  const unaccounted = sent.filter((p) => !seen.has(p));
  next = withBatch(next, batchIndex, { state: 'done' }, now);
  return { run: next, unaccounted };
}

function positionOf(result: JobResult, sent: readonly number[]): number | undefined {
  return typeof result.index === 'number' ? sent[result.index] : undefined;
}

/** Customers whose ticket failed get a new attempt: new batches under new keys (new content). */
export function retryFailed(run: SendRun, now: number): SendRun {
  const failed = Object.entries(run.notes)
    .filter(([, note]) => note.kind === 'failed')
    .map(([position]) => Number(position));
  const notes = { ...run.notes };
  for (const position of failed) delete notes[String(position)];
  let next: SendRun = { ...run, notes, status: 'sending', finishedAt: null };
  const attempt = next.batches.length;
  for (let i = 0; i < failed.length; i += 100)
    next = addBatch(next, failed.slice(i, i + 100), `pc1:${run.id}:retry${attempt}:${i / 100}`, now);
  return next;
}
