import {
  campaignTagOf,
  COUNTED_STATUSES,
  discoveryQuery,
  firstTicketQuery,
  mergeCampaigns,
  statusCountQuery,
  type CampaignSighting,
  type CampaignSummary,
  type TicketCounts,
} from '../../domain/after-send/campaign-history.ts';
import { countSearch, search, showManyUsers, type SupportApiClient } from '../../zendesk/index.ts';
import type { CampaignRecords, RecordsAvailability } from './campaign-records.ts';

/** The most campaigns the history lists; older ones are still in Zendesk, under their tags. */
export const HISTORY_LIMIT = 50;

export interface History {
  campaigns: CampaignSummary[];
  records: RecordsAvailability;
  /** More campaign tickets exist than the campaigns listed account for. */
  truncated: boolean;
}

/**
 * Every campaign the team sent: records first (name, author, audience), this browser's journal,
 * then the marker tag on tickets for everything else. Search lags new tickets by about a minute,
 * which the records and the journal cover for a campaign just sent.
 */
export async function loadHistory(
  api: SupportApiClient,
  input: { markerTag: string; records: CampaignRecords; local: readonly CampaignSighting[] },
): Promise<History> {
  const { availability, records } = await input.records.list();
  const fromRecords: CampaignSighting[] = records.map((r) => ({
    tag: r.tag,
    name: r.name,
    authorId: r.authorId,
    authorName: r.authorName,
    firstSentAt: r.firstSentAt,
    lastSentAt: Math.max(r.firstSentAt ?? 0, ...r.waves.map((w) => w.startedAt)) || null,
    record: r,
  }));
  const known = mergeCampaigns(fromRecords, input.local);
  const { found, truncated } = await discoverCampaigns(
    api,
    input.markerTag,
    known.map((c) => c.tag),
    Math.max(0, HISTORY_LIMIT - known.length),
  );
  const campaigns = mergeCampaigns(fromRecords, input.local, found).slice(0, HISTORY_LIMIT);
  return { campaigns, records: availability, truncated: truncated || known.length + found.length > HISTORY_LIMIT };
}

/** Campaigns only the tickets know, newest first, one small search each (discoveryQuery). */
async function discoverCampaigns(
  api: SupportApiClient,
  markerTag: string,
  known: readonly string[],
  limit: number,
): Promise<{ found: CampaignSighting[]; truncated: boolean }> {
  const excluded = [...known];
  const found: CampaignSighting[] = [];
  for (;;) {
    const { results, count } = await search(api, {
      query: discoveryQuery(markerTag, excluded),
      type: 'ticket',
      maxResults: 1,
      perPage: 1,
    });
    const ticket = results[0];
    if (!ticket || count === 0) return { found, truncated: false };
    const tag = campaignTagOf(ticket);
    // A ticket the app cannot place (the marker added by hand), or more campaigns than one
    // query can leave out: the rest is not listed, and the screen says so.
    if (tag === null || excluded.includes(tag) || found.length >= limit) return { found, truncated: true };
    excluded.push(tag);
    found.push({ tag, lastSentAt: Date.parse(ticket.created_at) });
  }
}

/** Live counts by status from Zendesk search (it lags changes by about a minute). */
export async function countCampaignTickets(api: SupportApiClient, tag: string): Promise<TicketCounts> {
  const values = await Promise.all(COUNTED_STATUSES.map((status) => countSearch(api, statusCountQuery(tag, status))));
  return Object.fromEntries(COUNTED_STATUSES.map((status, i) => [status, values[i] ?? 0])) as TicketCounts;
}

/** For a campaign only its tickets know: when its first ticket went out, and who sent it. */
export async function firstTicketFacts(
  api: SupportApiClient,
  tag: string,
): Promise<{ sentAt: number; authorId: number | null; authorName: string | null } | null> {
  const { results } = await search(api, { query: firstTicketQuery(tag), type: 'ticket', maxResults: 1, perPage: 1 });
  const first = results[0];
  if (!first) return null;
  const authorId = first.submitter_id ?? null;
  const [author] = authorId === null ? [] : await showManyUsers(api, [authorId]);
  return { sentAt: Date.parse(first.created_at), authorId, authorName: author?.name ?? null };
}
