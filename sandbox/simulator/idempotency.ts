import { HOUR_MS } from './time.ts';
import type { Reply } from './errors.ts';

interface Entry {
  body: string;
  reply: Reply;
  expiresAt: number;
}

/**
 * `Idempotency-Key` on POST /api/v2/tickets (and on create_many when the simulator is told to
 * honour it there): "Keys expire after two hours" (support-api.md §5.4). One key space for both
 * endpoints ((unverified) how Zendesk scopes keys; shared is the stricter reading).
 */
export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  lookup(
    key: string,
    body: string,
    now: number,
  ): { kind: 'miss' } | { kind: 'hit'; reply: Reply } | { kind: 'mismatch' } {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= now) {
      this.entries.delete(key);
      return { kind: 'miss' };
    }
    // Zendesk compares the request parameters; the same JSON text is the strict reading of that.
    return entry.body === body ? { kind: 'hit', reply: entry.reply } : { kind: 'mismatch' };
  }

  remember(key: string, body: string, reply: Reply, now: number): void {
    // The first answer as it was sent: later changes to the records must not show in a replay.
    this.entries.set(key, { body, reply: structuredClone(reply), expiresAt: now + 2 * HOUR_MS });
  }

  clear(): void {
    this.entries.clear();
  }
}
