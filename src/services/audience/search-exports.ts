import { exportSearch, type Organization, type SupportApiClient, type User } from '../../zendesk/index.ts';

/** The largest export page Zendesk serves (support-api.md §2.1): the fewest requests per customer. */
export const EXPORT_PAGE_SIZE = 1000;

interface Entry {
  at: number;
  records: Promise<unknown[]>;
  received: number;
  listeners: Set<(n: number) => void>;
  waiting: number;
  controller: AbortController;
}

/**
 * search/export results, kept for a few minutes per query. An agent editing one condition of
 * five only waits for the query that changed; the cache is short because customers change, and
 * export cursors expire after an hour anyway.
 *
 * Two loads asking the same query share one export. It is cancelled only when every load waiting
 * for it has been cancelled (the agent typed on), never because one of them was.
 */
export class SearchExports {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly api: SupportApiClient,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  clear(): void {
    this.cache.clear();
  }

  users(query: string, onRecords: (n: number) => void, signal?: AbortSignal): Promise<User[]> {
    return this.run('user', query, onRecords, signal) as Promise<User[]>;
  }

  organizations(query: string, onRecords: (n: number) => void, signal?: AbortSignal): Promise<Organization[]> {
    return this.run('organization', query, onRecords, signal) as Promise<Organization[]>;
  }

  private entry(type: 'user' | 'organization', query: string): Entry {
    const key = `${type}|${query}`;
    const now = this.api.clock.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs && !hit.controller.signal.aborted) return hit;
    const controller = new AbortController();
    const entry: Entry = {
      at: now,
      received: 0,
      listeners: new Set(),
      waiting: 0,
      controller,
      records: Promise.resolve([]),
    };
    entry.records = (async () => {
      const out: unknown[] = [];
      const pages = exportSearch(this.api, { query, type, pageSize: EXPORT_PAGE_SIZE }, { signal: controller.signal });
      for await (const page of pages) {
        out.push(...page);
        entry.received += page.length;
        for (const listener of entry.listeners) listener(page.length);
      }
      return out;
    })();
    // A failed or cancelled export must not be served from the cache.
    entry.records.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    this.cache.set(key, entry);
    return entry;
  }

  private run(
    type: 'user' | 'organization',
    query: string,
    onRecords: (n: number) => void,
    signal?: AbortSignal,
  ): Promise<unknown[]> {
    signal?.throwIfAborted();
    const entry = this.entry(type, query);
    if (entry.received > 0) onRecords(entry.received);
    entry.listeners.add(onRecords);
    entry.waiting += 1;
    return new Promise<unknown[]>((resolve, reject) => {
      const leave = () => {
        entry.listeners.delete(onRecords);
        entry.waiting -= 1;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        leave();
        if (entry.waiting === 0) entry.controller.abort(signal?.reason);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.records.then(
        (records) => {
          leave();
          resolve(records);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }
}
