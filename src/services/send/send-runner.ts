import { countOutcomes, type SendRun } from '../../domain/send/send-run.ts';
import {
  addBatch,
  openMembers,
  recordJob,
  retryFailed,
  withBatch,
  withCreated,
  withNote,
} from '../../domain/send/transitions.ts';
import {
  isZendeskError,
  jobState,
  showManyJobStatuses,
  submitCreateMany,
  type JobStatus,
  type SupportApiClient,
  type WaitEvent,
} from '../../zendesk/index.ts';
import { sweepDuplicates } from './duplicate-sweep.ts';
import { reconcile } from './reconcile.ts';
import type { TicketFactory } from './ticket-factory.ts';
import { JobClock } from './job-clock.ts';

/** Zendesk runs at most 30 background jobs per account at once (support-api.md §6). */
export const MAX_JOBS_IN_FLIGHT = 30;

/** A reconcile that found a job still running tries again after this long. */
const RECONCILE_RETRY_MS = 10_000;

export interface LiveStatus {
  /** Jobs Zendesk is working on for this send. */
  jobsInFlight: number;
  /** Requests are waiting: for Zendesk's rate limit (`rate_limited`), a Retry-After, a backoff. */
  waiting: WaitEvent | null;
  /** Why the send stopped by itself (no permission, signed out), if it did. */
  stopped: unknown;
  /** Tickets created in the last minute, for the rate and the time left. */
  createdLastMinute: number;
}

export interface SendRunnerOptions {
  api: SupportApiClient;
  factory: TicketFactory;
  /** Writes the journal; called after every change. */
  save: (run: SendRun) => void;
  onChange?: (run: SendRun, live: LiveStatus) => void;
  isAdmin: boolean;
  maxJobsInFlight?: number;
}

/**
 * Sends a run: submits batches as job slots free up (never more than 30 jobs at once), polls all
 * running jobs in one request when they should be done, records every ticket's result, and
 * reconciles anything whose outcome is unknown before sending it again. Pause stops new batches
 * (running jobs finish and are recorded); cancel also gives up the batches not yet sent.
 *
 * The journal is written before each request that could create tickets, so whatever happens to
 * the page, the next runner (after a reload, in another tab) knows what may already exist.
 */
export class SendRunner {
  private runState: SendRun;
  private readonly submissions = new Set<Promise<void>>();
  private readonly jobClock: JobClock;
  private wakeup: AbortController | null = null;
  private waiting: WaitEvent | null = null;
  private stopped: unknown = null;
  private reconcileAfter = 0;
  private jobSlots: number;
  /** Whether a create_many answer has said how many of the account's job slots are free. */
  private jobSlotsKnown = false;
  private readonly createdAt: number[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    run: SendRun,
    private readonly options: SendRunnerOptions,
  ) {
    // A batch caught mid-request (the page went away while it was sent) may or may not exist.
    this.runState = {
      ...run,
      batches: run.batches.map((b) => (b.state === 'submitting' ? { ...b, state: 'unknown' as const } : b)),
    };
    this.jobSlots = options.maxJobsInFlight ?? MAX_JOBS_IN_FLIGHT;
    this.jobClock = new JobClock(options.api.clock);
    this.unsubscribe = options.api.onWait((wait) => {
      this.waiting = wait;
      this.changed(false);
    });
  }

  get run(): SendRun {
    return this.runState;
  }

  private get now(): number {
    return this.options.api.clock.now();
  }

  /** Runs until every customer has an outcome, or until paused with nothing left in flight. */
  async start(): Promise<SendRun> {
    try {
      for (;;) {
        if (this.waiting && this.waiting.untilMs <= this.now) this.waiting = null;
        await this.reconcileUnknown();
        this.fill();
        if (this.isSettled()) {
          await this.finish();
          return this.runState;
        }
        const idle = this.submissions.size === 0 && this.inFlight().length === 0;
        if (idle && (this.runState.status === 'paused' || this.stopped !== null)) return this.runState;
        await this.sleepUntil(this.nextWake());
        if (this.inFlight().length > 0 && this.now >= this.jobClock.nextPollAt(this.inFlightJobs())) await this.poll();
      }
    } finally {
      this.unsubscribe();
    }
  }

  pause(): void {
    if (this.runState.status !== 'sending') return;
    this.update({ ...this.runState, status: 'paused' });
    this.wake();
  }

  resume(): void {
    if (this.runState.status !== 'paused') return;
    this.stopped = null;
    this.update({ ...this.runState, status: 'sending' });
    this.wake();
  }

  /** Stops new batches; what is already queued in Zendesk still completes and is reported. */
  cancel(): void {
    if (this.runState.status === 'finished') return;
    let run: SendRun = { ...this.runState, status: 'cancelling' };
    run.batches.forEach((batch, index) => {
      if (batch.state !== 'planned') return;
      for (const position of openMembers(run, batch))
        run = withNote(run, position, { kind: 'cancelled', code: 'cancelled', details: '', ticketId: null });
      run = withBatch(run, index, { state: 'done' }, this.now);
    });
    this.update(run);
    this.wake();
  }

  /** Customers whose ticket failed get a new attempt (new batches, new keys). */
  retryFailed(): void {
    this.stopped = null;
    this.update(retryFailed(this.runState, this.now));
    this.wake();
  }

  private inFlightJobs(): string[] {
    return this.inFlight().flatMap((i) => this.runState.batches[i]?.jobId ?? []);
  }

  private inFlight(): number[] {
    return this.runState.batches.flatMap((b, i) => (b.state === 'submitted' ? [i] : []));
  }

  private isSettled(): boolean {
    return (
      this.submissions.size === 0 &&
      this.runState.batches.every((b) => b.state === 'done') &&
      countOutcomes(this.runState).pending === 0
    );
  }

  private fill(): void {
    if (this.runState.status !== 'sending' || this.stopped !== null) return;
    const busy = this.inFlight().length + this.submissions.size;
    // Other apps' jobs share the account's 30 slots: until the first answer's
    // zendesk-ratelimit-inflight-jobs header says how many are free, one batch goes alone, so a
    // busy account gets no burst of TooManyJobs (and a pause finds the rest still unsent).
    const slots = this.jobSlotsKnown ? this.jobSlots : 1;
    let room = Math.min(slots, this.options.maxJobsInFlight ?? MAX_JOBS_IN_FLIGHT) - busy;
    for (let index = 0; index < this.runState.batches.length && room > 0; index++) {
      if (this.runState.batches[index]?.state !== 'planned') continue;
      room -= 1;
      const task = this.submit(index).finally(() => {
        this.submissions.delete(task);
        this.wake();
      });
      this.submissions.add(task);
    }
  }

  private async submit(index: number): Promise<void> {
    const batch = this.runState.batches[index];
    if (!batch) return;
    const members = openMembers(this.runState, batch);
    // Written before the request: if the page goes away now, the next runner knows to reconcile.
    this.update(withBatch(this.runState, index, { state: 'submitting', submittedAt: this.now, members }, this.now));
    let prepared;
    try {
      prepared = await this.options.factory.prepare(members.map((p) => this.runState.customers[p] ?? 0));
    } catch (error) {
      this.update(withBatch(this.runState, index, { state: 'planned', submittedAt: null }, this.now));
      this.stop(error);
      return;
    }
    let run = this.runState;
    const sent: number[] = [];
    prepared.forEach((item, i) => {
      const position = members[i];
      if (position === undefined) return;
      if ('missing' in item)
        run = withNote(run, position, {
          kind: 'failed',
          code: 'customer_unavailable',
          details: 'The customer was deleted or suspended after the audience was built.',
          ticketId: null,
        });
      else sent.push(position);
    });
    const tickets = prepared.flatMap((item) => ('ticket' in item ? [item.ticket] : []));
    run = withBatch(run, index, { members: sent }, this.now);
    if (tickets.length === 0) {
      this.update(withBatch(run, index, { state: 'done' }, this.now));
      return;
    }
    this.update(run);
    try {
      const submission = await submitCreateMany(this.options.api, tickets, {
        key: batch.key,
        honoured: this.runState.idempotencyHonoured === true,
      });
      // Zendesk answers an honoured key with x-idempotency-lookup; no header means it was ignored.
      const honoured = submission.idempotency !== undefined;
      if (submission.jobSlotsLeft !== undefined) this.jobSlots = this.inFlight().length + 1 + submission.jobSlotsLeft;
      this.jobSlotsKnown = true;
      let next = withBatch(this.runState, index, { state: 'submitted', jobId: submission.job.id }, this.now);
      next = { ...next, idempotencyHonoured: (this.runState.idempotencyHonoured ?? false) || honoured };
      this.jobClock.submitted(submission.job.id, tickets.length);
      this.update(next);
      if (jobState(submission.job) !== 'in_progress') this.recordFinished(index, submission.job);
    } catch (error) {
      this.afterFailedSubmit(index, error);
    }
  }

  /** What a failed create_many means for its customers. */
  private afterFailedSubmit(index: number, error: unknown): void {
    const back = (state: 'planned' | 'unknown') =>
      this.update(
        withBatch(this.runState, index, { state, ...(state === 'planned' ? { submittedAt: null } : {}) }, this.now),
      );
    // Whatever went wrong, waiting for a header that may never come would stall the send.
    this.jobSlotsKnown = true;
    if (!isZendeskError(error)) return back('unknown');
    if (error.code === 'IdempotentRequestError') return back('unknown');
    switch (error.kind) {
      case 'rate_limited':
        // Refused before anything was done (a 429 is never processed): send it again later.
        if (error.code === 'TooManyJobs') this.jobSlots = Math.max(1, this.inFlight().length);
        return back('planned');
      case 'auth':
      case 'permission':
        back('planned');
        return this.stop(error);
      case 'validation':
      case 'bad_request': {
        // Zendesk refused the whole request: nothing was created, and sending it again would be
        // refused again. Each customer gets the reason.
        let run = this.runState;
        const batch = run.batches[index];
        for (const position of batch?.members ?? [])
          run = withNote(run, position, {
            kind: 'failed',
            code: error.code ?? error.kind,
            details: error.description ?? error.message,
            ticketId: null,
          });
        return this.update(withBatch(run, index, { state: 'done' }, this.now));
      }
      default:
        // 5xx, a lost connection, an answer we could not read: the job may exist.
        return back('unknown');
    }
  }

  private async poll(): Promise<void> {
    const batches = this.inFlight();
    const ids = batches.flatMap((i) => this.runState.batches[i]?.jobId ?? []);
    let statuses: JobStatus[];
    try {
      statuses = await showManyJobStatuses(this.options.api, ids);
    } catch (error) {
      // The jobs run on in Zendesk whatever happened to this request: look again a little later.
      this.jobClock.backOff(ids);
      if (isZendeskError(error) && (error.kind === 'auth' || error.kind === 'permission')) this.stop(error);
      return;
    }
    const byId = new Map(statuses.map((s) => [s.id, s]));
    for (const index of batches) {
      const jobId = this.runState.batches[index]?.jobId;
      const job = jobId ? byId.get(jobId) : undefined;
      if (!jobId) continue;
      if (!job) {
        // Zendesk no longer knows the job (job data is kept for a day): its results are lost.
        this.update(withBatch(this.runState, index, { state: 'unknown' }, this.now));
        continue;
      }
      if (jobState(job) === 'in_progress') this.jobClock.observed(job);
      else this.recordFinished(index, job);
    }
  }

  private recordFinished(index: number, job: JobStatus): void {
    const batch = this.runState.batches[index];
    if (!batch) return;
    const before = countOutcomes(this.runState).created;
    const { run, unaccounted } = recordJob(this.runState, index, batch.members, job, this.now);
    this.jobClock.finished(job);
    let next = run;
    // A finished job that says nothing about a customer leaves that customer's ticket unknown.
    if (unaccounted.length > 0) next = addBatch(next, unaccounted, `${batch.key}:unaccounted`, this.now);
    if (unaccounted.length > 0) next = withBatch(next, next.batches.length - 1, { state: 'unknown' }, this.now);
    const created = countOutcomes(next).created - before;
    for (let i = 0; i < created; i++) this.createdAt.push(this.now);
    this.update(next);
  }

  private async reconcileUnknown(): Promise<void> {
    const unknown = this.runState.batches.flatMap((b, i) => (b.state === 'unknown' ? [i] : []));
    if (unknown.length === 0 || this.now < this.reconcileAfter) return;
    const positions = unknown.flatMap((i) =>
      openMembers(
        this.runState,
        this.runState.batches[i] ?? { members: [], state: 'done', key: '', jobId: null, submittedAt: null },
      ),
    );
    const knownJobs = new Set(this.runState.batches.flatMap((b) => (b.jobId ? [b.jobId] : [])));
    let answer;
    try {
      answer = await reconcile(this.options.api, {
        run: this.runState,
        positions,
        knownJobs,
        isAdmin: this.options.isAdmin,
      });
    } catch (error) {
      this.reconcileAfter = this.now + RECONCILE_RETRY_MS;
      if (isZendeskError(error) && (error.kind === 'auth' || error.kind === 'permission')) this.stop(error);
      return;
    }
    if (answer.kind === 'wait') {
      this.reconcileAfter = this.now + RECONCILE_RETRY_MS;
      return;
    }
    let run = this.runState;
    const resend: number[] = [];
    for (const position of positions) {
      const userId = run.customers[position];
      const tickets = userId === undefined ? undefined : answer.tickets.get(userId);
      const first = tickets?.[0];
      if (first !== undefined) {
        run = withCreated(run, position, first);
        for (const extra of tickets?.slice(1) ?? [])
          run = { ...run, duplicates: [...run.duplicates, { userId: userId ?? 0, ticketId: extra, removed: false }] };
      } else resend.push(position);
    }
    for (const index of unknown) run = withBatch(run, index, { state: 'done' }, this.now);
    // Cancelled while their outcome was unknown: those without a ticket are cancelled, not sent
    // (a batch planned now would never go, and the send would wait for it for ever).
    if (run.status === 'cancelling')
      for (const position of resend)
        run = withNote(run, position, { kind: 'cancelled', code: 'cancelled', details: '', ticketId: null });
    const attempt = run.batches.length;
    for (let i = 0; i < resend.length && run.status !== 'cancelling'; i += 100)
      run = addBatch(run, resend.slice(i, i + 100), `pc1:${run.id}:again${attempt}:${i / 100}`, this.now);
    this.update(run);
  }

  /** The last step: look for second tickets a re-sent request may have made, and remove them. */
  private async finish(): Promise<void> {
    const run = await sweepDuplicates(this.options.api, this.runState, { isAdmin: this.options.isAdmin });
    this.update({ ...run, status: 'finished', finishedAt: this.now });
  }

  private nextWake(): number {
    const times = [this.jobClock.nextPollAt(this.inFlightJobs())];
    if (this.runState.batches.some((b) => b.state === 'unknown')) times.push(Math.max(this.now, this.reconcileAfter));
    return Math.min(...times);
  }

  private async sleepUntil(at: number): Promise<void> {
    const ms = at - this.now;
    if (ms <= 0 && this.submissions.size === 0) return;
    this.wakeup = new AbortController();
    const sleeps: Array<Promise<unknown>> = [...this.submissions];
    if (Number.isFinite(ms))
      sleeps.push(this.options.api.clock.sleep(Math.max(0, ms), this.wakeup.signal).catch(() => undefined));
    else sleeps.push(new Promise((resolve) => this.wakeup?.signal.addEventListener('abort', resolve, { once: true })));
    await Promise.race(sleeps);
    this.wakeup.abort();
    this.wakeup = null;
  }

  private wake(): void {
    this.wakeup?.abort();
  }

  private stop(error: unknown): void {
    this.stopped = error;
    this.update({ ...this.runState, status: 'paused' });
  }

  private update(run: SendRun): void {
    this.runState = { ...run, updatedAt: this.now };
    this.changed(true);
  }

  private changed(persist: boolean): void {
    if (persist) this.options.save(this.runState);
    const minuteAgo = this.now - 60_000;
    while ((this.createdAt[0] ?? Infinity) < minuteAgo) this.createdAt.shift();
    this.options.onChange?.(this.runState, {
      jobsInFlight: this.inFlight().length,
      waiting: this.waiting && this.waiting.untilMs > this.now ? this.waiting : null,
      stopped: this.stopped,
      createdLastMinute: this.createdAt.length,
    });
  }
}
