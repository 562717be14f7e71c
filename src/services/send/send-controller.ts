import type { SendRun } from '../../domain/send/send-run.ts';
import { retryFailed } from '../../domain/send/transitions.ts';
import type { SendJournal, SendLock } from '../../storage/index.ts';
import type { SupportApiClient, User } from '../../zendesk/index.ts';
import type { LiveStatus, SendRunner } from './send-runner.ts';
import type { TicketFactory } from './ticket-factory.ts';

export type SendPhase = 'idle' | 'starting' | 'sending' | 'paused' | 'finished' | 'busy_elsewhere' | 'failed';

export interface SendSnapshot {
  phase: SendPhase;
  run: SendRun | null;
  live: LiveStatus | null;
  /** Why the send could not start or stopped by itself. */
  error: unknown;
}

export interface SendControllerOptions {
  api: SupportApiClient;
  journal: SendJournal;
  lock: SendLock;
  /** `pc1-send:<account>:<agent>:<campaign tag>`: one sender per campaign and agent. */
  lockName: (run: SendRun) => string;
  isAdmin: boolean;
  /** The create_many items of a run (the customers the app holds are reused; others are fetched). */
  createFactory: (run: SendRun, known: readonly User[]) => Promise<TicketFactory>;
}

/**
 * The one send of this page: lives outside the screens, so the agent can leave the Send step (or
 * the app's pane, which Zendesk hides but keeps running) while tickets go out. Screens subscribe
 * to its snapshot.
 */
export class SendController {
  private snapshot: SendSnapshot = { phase: 'idle', run: null, live: null, error: null };
  private readonly listeners = new Set<() => void>();
  private runner: SendRunner | null = null;

  constructor(private readonly options: SendControllerOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SendSnapshot => this.snapshot;

  /** A send that stopped without finishing (reload, closed tab), to offer to resume. */
  interrupted(): SendRun | null {
    if (this.runner) return null;
    return this.options.journal.interrupted();
  }

  /** Sends (or resumes) a run. Resolves when it finishes or pauses; never throws. */
  async start(run: SendRun, known: readonly User[] = []): Promise<void> {
    if (this.runner) return;
    this.set({ phase: 'starting', run, live: null, error: null });
    let release: (() => void) | null;
    try {
      release = await this.options.lock.acquire(this.options.lockName(run));
    } catch (error) {
      return this.set({ phase: 'failed', run, live: null, error });
    }
    if (!release) return this.set({ phase: 'busy_elsewhere', run, live: null, error: null });
    try {
      // The engine is loaded with the first send, not with the app.
      const [factory, { SendRunner }] = await Promise.all([
        this.options.createFactory(run, known),
        import('./send-runner.ts'),
      ]);
      const resumed: SendRun = run.status === 'paused' ? { ...run, status: 'sending' } : run;
      const runner = new SendRunner(resumed, {
        api: this.options.api,
        factory,
        isAdmin: this.options.isAdmin,
        save: (next) => this.options.journal.save(next),
        onChange: (next, live) => this.set({ phase: phaseOf(next), run: next, live, error: live.stopped }),
      });
      this.runner = runner;
      this.options.journal.save(runner.run);
      for (;;) {
        const after = await runner.start();
        this.set({ ...this.snapshot, phase: phaseOf(after), run: after });
        // Resumed after a pause while the loop was winding down: go round again.
        if (after.status !== 'sending') break;
      }
    } catch (error) {
      this.set({ ...this.snapshot, phase: 'failed', error });
    } finally {
      this.runner = null;
      release();
    }
  }

  pause(): void {
    this.runner?.pause();
  }

  /** Resumes a paused send: the running loop if there is one, else a new one from the journal. */
  resume(): void {
    if (this.runner) this.runner.resume();
    else if (this.snapshot.run) void this.start({ ...this.snapshot.run, status: 'sending' });
  }

  cancel(): void {
    if (this.runner) this.runner.cancel();
  }

  retryFailed(): void {
    if (this.runner) this.runner.retryFailed();
    else if (this.snapshot.run) void this.start(retryFailed(this.snapshot.run, this.options.api.clock.now()));
  }

  /** Forget the finished send on screen (start the next wave or campaign). */
  clear(): void {
    if (this.runner) return;
    this.set({ phase: 'idle', run: null, live: null, error: null });
  }

  private set(next: SendSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function phaseOf(run: SendRun): SendPhase {
  if (run.status === 'finished') return 'finished';
  if (run.status === 'paused') return 'paused';
  return 'sending';
}
