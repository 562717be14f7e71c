import type { Reply } from './errors.ts';
import { MinuteBucket } from './rate-limit.ts';
import { MINUTE_MS } from './time.ts';
import type { Plan } from './types.ts';

/**
 * Ticket update limits (support-api.md §6, DOC-TICKETS): 100 ticket updates a minute per account
 * (300 with High Volume), header `Zendesk-RateLimit-tickets-update`; and 30 updates of one ticket
 * by one user per 10 minutes. Every ticket an update_many touches counts against the account
 * limit, all of them when the request comes in ((unverified): Zendesk documents the limit for
 * "any PUT that updates tickets"; counting per ticket is the stricter reading). A request that
 * does not fit is refused whole. The 429 body and the per-ticket window's shape are (unverified).
 */
export const TICKET_UPDATES_PER_MINUTE = 100;
export const TICKET_UPDATES_PER_MINUTE_HIGH_VOLUME = 300;
export const UPDATES_PER_TICKET_PER_USER = 30;
const PER_TICKET_WINDOW_MS = 10 * MINUTE_MS;

export const TICKETS_UPDATE_HEADER = 'zendesk-ratelimit-tickets-update';

function refused(retryAfterSeconds: number, description: string, headers: Record<string, string>): Reply {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds), ...headers },
    body: { error: 'APIRateLimitExceeded', description },
  };
}

export class TicketUpdateLimits {
  private readonly account: MinuteBucket;
  /** `ticketId:userId` → times of that user's updates of that ticket in the last 10 minutes. */
  private readonly perTicket = new Map<string, number[]>();

  constructor(plan: Plan) {
    this.account = new MinuteBucket(
      plan === 'high_volume' ? TICKET_UPDATES_PER_MINUTE_HIGH_VOLUME : TICKET_UPDATES_PER_MINUTE,
    );
  }

  /** Takes `count` account-wide ticket updates: the header to send, or the 429 to answer. */
  takeAccount(count: number, now: number): { header: Record<string, string> } | { reply: Reply } {
    const check = this.account.check(now);
    const fits = check.remaining >= count;
    const remaining = fits ? check.remaining - count : check.remaining;
    const header = {
      [TICKETS_UPDATE_HEADER]: `total=${check.limit}; remaining=${remaining}; resets=${check.resetSeconds}`,
    };
    if (!fits)
      return { reply: refused(check.resetSeconds, 'Number of allowed ticket updates per minute exceeded', header) };
    for (let i = 0; i < count; i++) this.account.take(now);
    return { header };
  }

  /** The 429 when this user has updated this ticket 30 times in the last 10 minutes. */
  ticketRefusal(ticketId: number, userId: number, now: number): Reply | undefined {
    const recent = this.recent(ticketId, userId, now);
    if (recent.length < UPDATES_PER_TICKET_PER_USER) return undefined;
    const oldest = recent[0] ?? now;
    const retry = Math.max(1, Math.ceil((oldest + PER_TICKET_WINDOW_MS - now) / 1000));
    return refused(retry, 'Number of allowed updates of this ticket per 10 minutes exceeded', {});
  }

  recordTicketUpdate(ticketId: number, userId: number, now: number): void {
    this.recent(ticketId, userId, now).push(now);
  }

  private recent(ticketId: number, userId: number, now: number): number[] {
    const key = `${ticketId}:${userId}`;
    const recent = (this.perTicket.get(key) ?? []).filter((t) => t > now - PER_TICKET_WINDOW_MS);
    this.perTicket.set(key, recent);
    return recent;
  }
}
