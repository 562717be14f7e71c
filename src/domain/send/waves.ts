import type { SendRun } from './send-run.ts';

export interface NextWave {
  /** 1-based. */
  wave: number;
  waves: number;
  /** Customers of this wave, in audience order. */
  customers: number[];
  /** Customers an earlier send of this campaign already reached (or is reaching). */
  alreadySent: number;
}

/**
 * The next part of a campaign sent in waves: customers of the audience that no earlier send of
 * this campaign reached, up to the wave size. A cancelled customer got nothing and may be in a
 * later wave; one with a ticket, a pending outcome or a failure is not (failures are retried in
 * their own send).
 */
export function nextWave(
  audience: readonly number[],
  earlier: readonly SendRun[],
  waveSize: number | null,
  elsewhere: ReadonlySet<number> = new Set(),
  /** Waves of this campaign Zendesk's tickets show (their wave tags), for sends this browser forgot. */
  wavesSeen = 0,
): NextWave {
  const reached = new Set<number>(elsewhere);
  for (const run of earlier) {
    run.customers.forEach((userId, position) => {
      const note = run.notes[String(position)];
      if (note?.kind !== 'cancelled') reached.add(userId);
    });
  }
  const remaining = audience.filter((id) => !reached.has(id));
  const size = waveSize ?? Math.max(1, remaining.length);
  const alreadySent = audience.length - remaining.length;
  const before = Math.max(earlier.length, wavesSeen);
  return {
    wave: before + 1,
    waves: before + Math.max(1, Math.ceil(remaining.length / size)),
    customers: remaining.slice(0, size),
    alreadySent,
  };
}
