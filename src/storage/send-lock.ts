/**
 * One sender per campaign: two tabs (or two windows) of the same agent must never send the same
 * campaign at once, or a customer could get a ticket from each. The Web Locks API gives a lock
 * that the browser releases when the tab closes or crashes; where it is missing, a lease in
 * localStorage, renewed while the tab sends, does the same job a little less promptly.
 */
export interface SendLock {
  /** Resolves with a release function, or null when another tab holds the lock. */
  acquire(name: string): Promise<(() => void) | null>;
}

interface LockManagerLike {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void>): Promise<void>;
}

export function browserSendLock(): SendLock {
  const locks = typeof navigator !== 'undefined' ? (navigator as { locks?: LockManagerLike }).locks : undefined;
  return locks ? webLock(locks) : leaseLock();
}

/**
 * Web Locks, falling back to the lease when the browser refuses them (Chromium denies locks to
 * a frame whose storage it treats as third-party, as an app iframe inside Zendesk can be).
 */
function webLock(locks: LockManagerLike): SendLock {
  const lease = leaseLock();
  return {
    acquire: (name) =>
      new Promise((resolve) => {
        let settled = false;
        locks
          .request(name, { ifAvailable: true }, async (lock) => {
            settled = true;
            if (!lock) return resolve(null);
            await new Promise<void>((released) => resolve(() => released()));
          })
          .catch(() => {
            if (!settled) void lease.acquire(name).then(resolve);
          });
      }),
  };
}

const LEASE_MS = 15_000;
const RENEW_MS = 5_000;

function leaseLock(storage: Storage | undefined = safeStorage()): SendLock {
  const me = Math.random().toString(36).slice(2);
  return {
    async acquire(name) {
      if (!storage) return () => undefined;
      const key = `pc:v1:lock:${name}`;
      const read = () => {
        try {
          return JSON.parse(storage.getItem(key) ?? 'null') as { owner: string; until: number } | null;
        } catch {
          return null;
        }
      };
      const held = read();
      if (held && held.owner !== me && held.until > Date.now()) return null;
      const write = () => storage.setItem(key, JSON.stringify({ owner: me, until: Date.now() + LEASE_MS }));
      write();
      const timer = setInterval(write, RENEW_MS);
      return () => {
        clearInterval(timer);
        if (read()?.owner === me) storage.removeItem(key);
      };
    },
  };
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** For tests: a lock shared by everything in this process (two "tabs" in one test). */
export function memorySendLock(held = new Set<string>()): SendLock {
  return {
    async acquire(name) {
      if (held.has(name)) return null;
      held.add(name);
      return () => held.delete(name);
    },
  };
}
