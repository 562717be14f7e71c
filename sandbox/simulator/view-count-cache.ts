/**
 * Zendesk caches view counts "more heavily as the number of tickets in a view grows. For a view
 * with thousands of tickets, you can expect the count to be cached for 60-90 minutes", and answers
 * `fresh: false` ("the cached data is stale and the system is still loading and caching new data"),
 * with `value: null` while nothing has been counted yet (DOC-VIEWS, Count Tickets in View(s)).
 *
 * The model, its thresholds and delays all (unverified): a view under LIVE_BELOW tickets is counted
 * on every request; a larger one is counted in the background, REFRESH_DELAY_MS after a request
 * found no count or an expired one; until then the request gets the old value (or null) with
 * fresh:false. A count stays fresh for 10 minutes below 1,000 tickets and 60 minutes from 1,000.
 */
export const LIVE_BELOW = 100;
export const REFRESH_DELAY_MS = 30_000;
const MINUTE = 60_000;

export function freshForMs(value: number): number {
  if (value < LIVE_BELOW) return 0;
  return value < 1000 ? 10 * MINUTE : 60 * MINUTE;
}

interface CachedCount {
  value: number | null;
  countedAt: number;
  /** When the background count that is under way lands; null when none is. */
  refreshDueAt: number | null;
}

export interface CountReading {
  value: number | null;
  fresh: boolean;
}

/** Counts per view and agent (what a view shows depends on who asks: `current_user`, restrictions). */
export class ViewCountCache {
  private readonly entries = new Map<string, CachedCount>();

  read(viewId: number, userId: number, now: number, count: () => number): CountReading {
    const key = `${viewId}:${userId}`;
    let entry = this.entries.get(key);
    if (entry && entry.refreshDueAt !== null && now >= entry.refreshDueAt) {
      entry = { value: count(), countedAt: entry.refreshDueAt, refreshDueAt: null };
      this.entries.set(key, entry);
    }
    if (entry && entry.refreshDueAt === null && entry.value !== null) {
      if (now < entry.countedAt + freshForMs(entry.value)) return { value: entry.value, fresh: true };
    }
    if (!entry || entry.refreshDueAt === null) {
      const actual = count();
      const wasSmall = !entry || entry.value === null || entry.value < LIVE_BELOW;
      if (actual < LIVE_BELOW && wasSmall) {
        this.entries.set(key, { value: actual, countedAt: now, refreshDueAt: null });
        return { value: actual, fresh: true };
      }
      entry = { value: entry?.value ?? null, countedAt: entry?.countedAt ?? now, refreshDueAt: now + REFRESH_DELAY_MS };
      this.entries.set(key, entry);
    }
    return { value: entry.value, fresh: false };
  }

  /** A changed view starts over (unverified: Zendesk may keep serving the old count for a while). */
  forget(viewId: number): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${viewId}:`)) this.entries.delete(key);
  }
}

/** `pretty`: exact for small counts, rounded down like the doc's 719 → "~700" above (unverified beyond that). */
export function prettyCount(value: number | null): string {
  if (value === null) return '...';
  if (value < LIVE_BELOW) return String(value);
  if (value < 1000) return `~${Math.floor(value / 100) * 100}`;
  return `~${Math.floor(value / 1000)}k`;
}
