import type { Clock } from '../src/zendesk/clock.ts';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * A clock whose time only moves when the driver says so. `run(work)` drives it: whenever the
 * work is blocked on nothing but sleeps, time jumps to the earliest wake-up. Hours of
 * rate-limited traffic then take milliseconds, and the order of events is deterministic.
 *
 * "Blocked on nothing but sleeps" is detected by letting the event loop turn a few times
 * (setImmediate) with no new timer and no settled work; in-process transports resolve within
 * microtasks, and msw's interception within a couple of macrotask turns.
 */
export class VirtualClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private seq = 0;

  constructor(start: number | Date = Date.UTC(2026, 10, 23, 9, 0, 0)) {
    this.time = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = {
        at: this.time + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  /** Number of sleeps waiting to wake. */
  get pendingSleeps(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, waking every sleep that falls due, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      const next = this.earliest();
      if (!next || next.at > target) break;
      this.wake(next);
      await settle();
    }
    this.time = target;
  }

  /**
   * Runs `work` to completion, jumping time forward whenever it waits only on this clock.
   * Throws if the work is stuck on something else (a real timer, a promise nobody resolves).
   */
  async run<T>(work: Promise<T> | (() => Promise<T>), options: { maxIdleTurns?: number } = {}): Promise<T> {
    const promise = typeof work === 'function' ? work() : work;
    let done = false;
    let value: T | undefined;
    let failure: { error: unknown } | undefined;
    promise.then(
      (v) => {
        done = true;
        value = v;
      },
      (error: unknown) => {
        done = true;
        failure = { error };
      },
    );
    const maxIdleTurns = options.maxIdleTurns ?? 200;
    let idle = 0;
    while (!done) {
      await settle();
      if (done) break;
      const next = this.earliest();
      if (next) {
        idle = 0;
        this.wake(next);
        continue;
      }
      if (++idle > maxIdleTurns) throw new Error('VirtualClock.run: work is waiting on something other than the clock');
    }
    if (failure) throw failure.error;
    return value as T;
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  }

  private wake(timer: Timer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    if (timer.at > this.time) this.time = timer.at;
    timer.resolve();
  }
}

/** Lets pending microtasks and a few macrotask turns run (msw resolves across several). */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
