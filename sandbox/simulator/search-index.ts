import type { StoredTicket, ZendeskTicket } from './types.ts';

/**
 * Zendesk search lags writes: new and changed records take "typically about a minute", up to "a
 * few minutes", to become searchable (support-api.md §2.1). Each record, and each change to a
 * ticket, gets its own lag drawn from the seed; until a change is indexed, search finds the ticket
 * as it was (matching and answering with the old copy: the stricter reading, (unverified)).
 *
 * Records that existed when the simulator started (the seed) count as indexed.
 */
export interface SearchLag {
  minMs: number;
  maxMs: number;
}

export const DEFAULT_SEARCH_LAG: Readonly<SearchLag> = { minMs: 30_000, maxMs: 120_000 };

export function resolveSearchLag(option: number | SearchLag | undefined): SearchLag {
  if (option === undefined) return { ...DEFAULT_SEARCH_LAG };
  if (typeof option === 'number') return { minMs: Math.max(0, option), maxMs: Math.max(0, option) };
  const minMs = Math.max(0, Math.min(option.minMs, option.maxMs));
  return { minMs, maxMs: Math.max(minMs, option.maxMs) };
}

interface IndexedVersion {
  indexedAt: number;
  ticket: ZendeskTicket;
  solvedAtMs: number | null;
}

/** FNV-1a over the seed and a record key: the same seed gives the same lags. */
function hash(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class SearchIndex {
  private readonly versions = new Map<number, IndexedVersion[]>();
  private readonly writes = new Map<number, number>();

  constructor(
    private readonly seed: number,
    readonly lag: SearchLag,
    /** When the simulator started: anything written by then is indexed. */
    private readonly startedAt: number,
  ) {}

  /** The lag of one record or one change (`ticket:12:3`), deterministic from the seed. */
  lagMs(key: string): number {
    const span = this.lag.maxMs - this.lag.minMs;
    return this.lag.minMs + (span === 0 ? 0 : hash(this.seed, key) % (span + 1));
  }

  /** Whether a record written at `writtenAtMs` is searchable at `now`. */
  isIndexed(key: string, writtenAtMs: number, now: number): boolean {
    return writtenAtMs <= this.startedAt || writtenAtMs + this.lagMs(key) <= now;
  }

  /** Remembers the ticket as written now (call after every create and update). */
  ticketWritten(stored: StoredTicket, at: number): void {
    const list = this.versions.get(stored.ticket.id) ?? [];
    const write = this.writes.get(stored.ticket.id) ?? 0;
    this.writes.set(stored.ticket.id, write + 1);
    const key = write === 0 ? `ticket:${stored.ticket.id}` : `ticket:${stored.ticket.id}:${write}`;
    list.push({
      indexedAt: at + this.lagMs(key),
      ticket: structuredClone(stored.ticket),
      solvedAtMs: stored.solvedAtMs,
    });
    this.versions.set(stored.ticket.id, list);
  }

  /**
   * The ticket as search sees it at `now`: the latest written version already indexed, or
   * undefined before its creation is. A ticket the simulator never saw written is the seed's.
   */
  indexedTicket(stored: StoredTicket, now: number): { ticket: ZendeskTicket; solvedAtMs: number | null } | undefined {
    const list = this.versions.get(stored.ticket.id);
    if (!list) return stored;
    for (let i = list.length - 1; i >= 0; i--) {
      const version = list[i];
      if (version && version.indexedAt <= now) {
        // Older versions can never be seen again.
        if (i > 0) list.splice(0, i);
        // Once the last write is indexed, search sees the ticket as it is.
        return list.length === 1 ? stored : version;
      }
    }
    return undefined;
  }
}
