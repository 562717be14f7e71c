import type { Ticket } from '../../zendesk/index.ts';
import { createdInRecord, type CampaignRecord } from './campaign-record.ts';

/**
 * The team's campaign history (SPEC.md flow step 6). Campaigns are found three ways, merged by
 * tag: the campaign records kept in Zendesk (custom objects, where the account allows), this
 * browser's own send journal, and the tickets themselves, every one of which carries the marker
 * tag. The tickets are the source that always works, in any browser and for every agent; the
 * records add what tickets cannot say (the name as typed, the audience, the settings).
 */
export interface CampaignSummary {
  tag: string;
  /** As the agent typed it; null when only the tickets know the campaign (then the tag is shown). */
  name: string | null;
  firstSentAt: number | null;
  authorId: number | null;
  authorName: string | null;
  /** The newest ticket seen, for the order of the list. */
  lastSentAt: number | null;
  record: CampaignRecord | null;
}

/** A campaign as one of the sources knows it. */
export type CampaignSighting = Partial<Omit<CampaignSummary, 'tag'>> & { tag: string };

/** One entry per tag, the most specific facts winning: record, then this browser, then tickets. */
export function mergeCampaigns(...sources: ReadonlyArray<readonly CampaignSighting[]>): CampaignSummary[] {
  const byTag = new Map<string, CampaignSummary>();
  for (const source of sources) {
    for (const seen of source) {
      const known = byTag.get(seen.tag);
      const pick = <K extends keyof CampaignSummary>(key: K): CampaignSummary[K] | null =>
        (known?.[key] ?? seen[key] ?? null) as CampaignSummary[K] | null;
      byTag.set(seen.tag, {
        tag: seen.tag,
        name: pick('name'),
        authorId: pick('authorId'),
        authorName: pick('authorName'),
        record: pick('record'),
        firstSentAt: minOf(known?.firstSentAt, seen.firstSentAt),
        lastSentAt: maxOf(known?.lastSentAt, seen.lastSentAt, seen.firstSentAt, known?.firstSentAt),
      });
    }
  }
  return [...byTag.values()].sort(
    (a, b) => (b.lastSentAt ?? b.firstSentAt ?? 0) - (a.lastSentAt ?? a.firstSentAt ?? 0) || a.tag.localeCompare(b.tag),
  );
}

function minOf(...values: Array<number | null | undefined>): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length === 0 ? null : Math.min(...known);
}

function maxOf(...values: Array<number | null | undefined>): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length === 0 ? null : Math.max(...known);
}

/**
 * The campaign a ticket belongs to, from its external id `pc1:<campaign tag>:<user id>`
 * (campaign-ticket.ts). The tag list alone cannot say which tag is the campaign's: customers and
 * organizations add their own tags to every ticket they request.
 */
export function campaignTagOf(ticket: Pick<Ticket, 'external_id' | 'tags'>): string | null {
  const match = /^pc1:([a-z0-9_]+):\d+$/.exec(ticket.external_id ?? '');
  const tag = match?.[1];
  return tag !== undefined && ticket.tags.includes(tag) ? tag : null;
}

/**
 * Zendesk allows at most 64 words in a search query (support-api.md §2.2). The discovery query
 * spends four on the type, marker tag and order, the rest on campaigns already known.
 */
export const MAX_KNOWN_IN_QUERY = 60;

/**
 * The newest campaign ticket of a campaign not yet known: the marker tag minus every known
 * campaign tag, newest first. Asked with one result per page, each answer names one more
 * campaign, so N campaigns cost N + 1 small requests instead of exporting every campaign ticket.
 */
export function discoveryQuery(markerTag: string, known: readonly string[]): string {
  const excluded = known.slice(0, MAX_KNOWN_IN_QUERY).map((tag) => `-tags:${tag}`);
  return ['type:ticket', `tags:${markerTag}`, ...excluded, 'order_by:created_at', 'sort:desc'].join(' ');
}

/** The campaign's first ticket: when it went out, and who sent it (the submitter). */
export function firstTicketQuery(tag: string): string {
  return `type:ticket tags:${tag} order_by:created_at sort:asc`;
}

export const COUNTED_STATUSES = ['new', 'open', 'pending', 'solved'] as const;
export type CountedStatus = (typeof COUNTED_STATUSES)[number];
export type TicketCounts = Record<CountedStatus, number>;

/**
 * One search count per column. A repeated keyword is OR in Zendesk search, so on-hold tickets
 * count with pending (both wait on someone) and closed with solved (both are done): the four
 * columns add up to every ticket of the campaign.
 */
export function statusCountQuery(tag: string, status: CountedStatus): string {
  const statuses: Record<CountedStatus, string> = {
    new: 'status:new',
    open: 'status:open',
    pending: 'status:pending status:hold',
    solved: 'status:solved status:closed',
  };
  return `type:ticket tags:${tag} ${statuses[status]}`;
}

export function totalOf(counts: TicketCounts): number {
  return COUNTED_STATUSES.reduce((sum, status) => sum + counts[status], 0);
}

/** Tickets still waiting on someone: what "close remaining" would solve. */
export function unsolvedOf(counts: TicketCounts): number {
  return counts.new + counts.open + counts.pending;
}

/**
 * Search finds a new ticket a minute or two after it is made (support-api.md §2.1), so right
 * after a send the counts by status fall short of what the app created. For that while, the
 * campaign's record says how many were created; later a shortfall means tickets were deleted,
 * and search is right.
 */
export const SEARCH_CATCH_UP_MS = 10 * 60_000;

/** Tickets the campaign's record says were created that search does not count yet. */
export function ticketsNotYetSearchable(record: CampaignRecord | null, searched: number, now: number): number {
  if (!record || record.waves.length === 0) return 0;
  const lastWave = Math.max(...record.waves.map((w) => w.finishedAt ?? w.startedAt));
  if (now - lastWave > SEARCH_CATCH_UP_MS) return 0;
  return Math.max(0, createdInRecord(record) - searched);
}
