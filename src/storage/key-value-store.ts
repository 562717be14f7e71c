/**
 * The port for everything the app keeps in the browser (drafts, send journals). The app's iframe
 * has its own origin, so its localStorage is private to the app, but it is shared by every agent
 * who signs in on this browser and by every Zendesk account they open: keys carry both.
 */
export interface KeyValueStore {
  /** False when values last only as long as the page (the browser refused storage). */
  readonly persistent: boolean;
  get(key: string): unknown;
  /** False when the browser refused to keep it (quota, storage disabled). */
  set(key: string, value: unknown): boolean;
  remove(key: string): void;
  /** Keys starting with the prefix. */
  keys(prefix: string): string[];
}

/** localStorage, JSON-encoded. Every call survives a browser that blocks storage (privacy modes). */
export function browserStore(storage: Storage | undefined = safeLocalStorage()): KeyValueStore {
  if (!storage) return memoryStore({}, false);
  return {
    persistent: true,
    get(key) {
      try {
        const text = storage.getItem(key);
        return text === null ? undefined : (JSON.parse(text) as unknown);
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      try {
        storage.setItem(key, JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing to do: the value was never readable either.
      }
    },
    keys(prefix) {
      try {
        const out: string[] = [];
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key?.startsWith(prefix)) out.push(key);
        }
        return out;
      } catch {
        return [];
      }
    },
  };
}

/**
 * localStorage when the browser lets the app have it. Zendesk serves apps from another site than
 * the agent's page; a browser blocking third-party storage throws on the very access.
 */
function safeLocalStorage(): Storage | undefined {
  try {
    if (typeof localStorage === 'undefined') return undefined;
    const probe = 'pc:v1:probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return undefined;
  }
}

/** For tests, and for browsers without storage: kept for the page's lifetime only. */
export function memoryStore(initial: Record<string, unknown> = {}, persistent = true): KeyValueStore {
  const values = new Map<string, string>(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    // A test's memory store stands for a browser's storage; the browser fallback says it is not one.
    persistent,
    get: (key) => {
      const text = values.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    },
    set: (key, value) => {
      values.set(key, JSON.stringify(value));
      return true;
    },
    remove: (key) => void values.delete(key),
    keys: (prefix) => [...values.keys()].filter((k) => k.startsWith(prefix)),
  };
}

/** `pc:v1:<kind>:<account>:<agent id>`: one agent's data in one Zendesk account. */
export function agentKey(kind: string, account: { subdomain: string | null; userId: number }): string {
  return `pc:v1:${kind}:${account.subdomain ?? 'unknown'}:${account.userId}`;
}
