import { z } from 'zod';
import type { CustomObjectRecord } from '../../zendesk/index.ts';
import { audienceRulesSchema } from '../audience/audience.ts';
import { ticketDraftSchema, type AudienceDraft, type TicketDraft } from '../campaign/draft.ts';
import { countOutcomes, type SendRun } from '../send/send-run.ts';

/**
 * A campaign kept in Zendesk itself, as a record of the custom object `proactive_campaign`
 * keyed by external_id = campaign tag: whoever opens the history, in whichever browser, sees who
 * sent the campaign, to whom and how, which the tickets alone cannot tell. Lists and settings are
 * JSON in textarea fields (a record holds at most 32 KB), read back through zod like anything
 * else that comes from outside.
 */
export const CAMPAIGN_OBJECT = {
  key: 'proactive_campaign',
  title: 'Proactive campaign',
  title_pluralized: 'Proactive campaigns',
  description: 'Campaigns sent with the Proactive Campaigns app: one record per campaign, keyed by its tag.',
} as const;

export const CAMPAIGN_RECORD_FIELDS = [
  { key: 'campaign_tag', type: 'text', title: 'Campaign tag' },
  { key: 'author_id', type: 'integer', title: 'Sent by (user id)' },
  { key: 'author_name', type: 'text', title: 'Sent by' },
  // Text, not date: a date field keeps the day only, and the history shows the time too.
  { key: 'first_sent_at', type: 'text', title: 'First sent at' },
  { key: 'view_id', type: 'integer', title: 'Ticket view id' },
  { key: 'trigger_ids', type: 'text', title: 'Trigger ids' },
  { key: 'audience', type: 'textarea', title: 'Audience (JSON)' },
  { key: 'settings', type: 'textarea', title: 'Ticket settings (JSON)' },
  { key: 'waves', type: 'textarea', title: 'Waves sent (JSON)' },
] as const;
export type CampaignRecordFieldKey = (typeof CAMPAIGN_RECORD_FIELDS)[number]['key'];

export const audienceSummarySchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('rules'), rules: audienceRulesSchema }),
  z.object({ source: z.literal('csv'), fileName: z.string(), rows: z.number().int(), matched: z.number().int() }),
]);
export type AudienceSummary = z.infer<typeof audienceSummarySchema>;

export const ticketSettingsSchema = ticketDraftSchema.pick({
  subject: true,
  visibility: true,
  status: true,
  priority: true,
  type: true,
  groupId: true,
  assigneeId: true,
  extraTags: true,
  waveSize: true,
});
export type TicketSettings = z.infer<typeof ticketSettingsSchema>;

export const waveRecordSchema = z.object({
  runId: z.string(),
  wave: z.number().int().positive(),
  waves: z.number().int().positive(),
  agentId: z.number().int(),
  customers: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type WaveRecord = z.infer<typeof waveRecordSchema>;

export interface CampaignRecord {
  tag: string;
  name: string;
  authorId: number | null;
  authorName: string | null;
  firstSentAt: number | null;
  viewId: number | null;
  triggerIds: number[];
  audience: AudienceSummary | null;
  settings: TicketSettings | null;
  waves: WaveRecord[];
}

function json<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const integer = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value)
    ? value
    : typeof value === 'string' && /^\d+$/.test(value)
      ? Number(value)
      : null;

/** A record as Zendesk returns it → the campaign, or null when it is not one (no tag). */
export function readCampaignRecord(record: CustomObjectRecord): CampaignRecord | null {
  const fields = record.custom_object_fields ?? {};
  const tag =
    typeof fields.campaign_tag === 'string' && fields.campaign_tag !== '' ? fields.campaign_tag : record.external_id;
  if (!tag) return null;
  const sentAt = typeof fields.first_sent_at === 'string' ? Date.parse(fields.first_sent_at) : NaN;
  const triggers = typeof fields.trigger_ids === 'string' ? fields.trigger_ids.split(/[\s,]+/) : [];
  return {
    tag,
    name: record.name,
    authorId: integer(fields.author_id),
    authorName: typeof fields.author_name === 'string' && fields.author_name !== '' ? fields.author_name : null,
    firstSentAt: Number.isNaN(sentAt) ? null : sentAt,
    viewId: integer(fields.view_id),
    triggerIds: triggers.flatMap((id) => (/^\d+$/.test(id) ? [Number(id)] : [])),
    audience: json(audienceSummarySchema, fields.audience),
    settings: json(ticketSettingsSchema, fields.settings),
    waves: json(z.array(waveRecordSchema), fields.waves) ?? [],
  };
}

/** The record's field values, only for the fields the object has (Zendesk refuses unknown keys). */
export function recordFieldValues(
  record: CampaignRecord,
  available: ReadonlySet<string>,
): Record<string, string | number | null> {
  const values: Record<CampaignRecordFieldKey, string | number | null> = {
    campaign_tag: record.tag,
    author_id: record.authorId,
    author_name: record.authorName,
    first_sent_at: record.firstSentAt === null ? null : new Date(record.firstSentAt).toISOString(),
    view_id: record.viewId,
    trigger_ids: record.triggerIds.join(','),
    audience: record.audience === null ? null : JSON.stringify(record.audience),
    settings: record.settings === null ? null : JSON.stringify(record.settings),
    waves: JSON.stringify(record.waves),
  };
  return Object.fromEntries(Object.entries(values).filter(([key]) => available.has(key)));
}

export function audienceSummary(audience: AudienceDraft): AudienceSummary {
  if (audience.source === 'csv' && audience.csv) {
    const { fileName, report } = audience.csv;
    return { source: 'csv', fileName, rows: report.rows, matched: report.matched };
  }
  return { source: 'rules', rules: audience.rules };
}

export function ticketSettings(ticket: TicketDraft): TicketSettings {
  const { subject, visibility, status, priority, type, groupId, assigneeId, extraTags, waveSize } = ticket;
  return { subject, visibility, status, priority, type, groupId, assigneeId, extraTags, waveSize };
}

export function waveRecord(run: SendRun): WaveRecord {
  const counts = countOutcomes(run);
  return {
    runId: run.id,
    wave: run.campaign.wave,
    waves: run.campaign.waves,
    agentId: run.agentId,
    customers: counts.total,
    created: counts.created,
    failed: counts.failed,
    skipped: counts.skipped + counts.cancelled,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

export interface SendFacts {
  run: SendRun;
  author: { id: number; name: string };
  /** The audience of the draft the run came from, when this browser still has it. */
  audience: AudienceSummary | null;
  viewId: number | null;
  triggerIds?: readonly number[];
}

/**
 * The record after a send: what was there is kept (the first author and date, the audience of
 * the first wave when this browser no longer knows it, the other waves), this run's wave
 * replaced or added, a view or trigger added when there is one.
 */
export function recordAfterSend(existing: CampaignRecord | null, facts: SendFacts): CampaignRecord {
  const { run } = facts;
  const wave = waveRecord(run);
  const waves = [...(existing?.waves ?? []).filter((w) => w.runId !== run.id), wave].sort(
    (a, b) => a.startedAt - b.startedAt,
  );
  const triggers = new Set([...(existing?.triggerIds ?? []), ...(facts.triggerIds ?? [])]);
  return {
    tag: run.campaign.tag,
    name: existing?.name ?? run.campaign.name,
    authorId: existing?.authorId ?? facts.author.id,
    authorName: existing?.authorName ?? facts.author.name,
    firstSentAt: Math.min(existing?.firstSentAt ?? Infinity, run.startedAt),
    viewId: facts.viewId ?? existing?.viewId ?? null,
    triggerIds: [...triggers],
    audience: facts.audience ?? existing?.audience ?? null,
    settings: ticketSettings(run.campaign.ticket),
    waves,
  };
}

/** Customers the campaign's waves reached (tickets created), from the record. */
export function createdInRecord(record: CampaignRecord): number {
  return record.waves.reduce((sum, w) => sum + w.created, 0);
}
