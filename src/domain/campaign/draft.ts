import { z } from 'zod';
import { audienceRulesSchema, EMPTY_RULES } from '../audience/audience.ts';

/**
 * The campaign being prepared: audience and ticket, kept per agent and account so a reload (or
 * a day off) loses nothing. Stored drafts are untrusted: each part is read on its own, so a part
 * an older version of the app wrote differently falls back to its default without costing the
 * agent the rest (see readDraft).
 */
export const DRAFT_VERSION = 1;

export const csvReportSchema = z.object({
  rows: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  unmatched: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  /** A few of the rows that matched nothing or were invalid, to show the agent. */
  samples: z.array(z.object({ row: z.number().int(), value: z.string(), problem: z.string() })).max(100),
});
export type CsvReport = z.infer<typeof csvReportSchema>;

export const csvAudienceSchema = z.object({
  fileName: z.string(),
  importedAt: z.number(),
  /** The customers the file matched, in file order. */
  userIds: z.array(z.number().int()),
  report: csvReportSchema,
});
export type CsvAudience = z.infer<typeof csvAudienceSchema>;

export const audienceDraftSchema = z.object({
  source: z.enum(['rules', 'csv']),
  rules: audienceRulesSchema,
  csv: csvAudienceSchema.nullable(),
  /** Customers the agent took out by hand. */
  excludedUserIds: z.array(z.number().int()),
});
export type AudienceDraft = z.infer<typeof audienceDraftSchema>;

export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_TYPES = ['question', 'incident', 'problem', 'task'] as const;

export const ticketDraftSchema = z.object({
  name: z.string(),
  /** The tag typed by the agent when the name gives none (e.g. a Korean name); null derives it from the name. */
  tagSource: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  /** A public reply emails the customer; an internal note does not (SPEC.md flow step 2). */
  visibility: z.enum(['public', 'internal']),
  status: z.enum(TICKET_STATUSES),
  /** With custom ticket statuses on, the exact status; its category is `status`. */
  customStatusId: z.number().int().nullable(),
  priority: z.enum(TICKET_PRIORITIES).nullable(),
  type: z.enum(TICKET_TYPES).nullable(),
  groupId: z.number().int().nullable(),
  assigneeId: z.number().int().nullable(),
  extraTags: z.array(z.string()),
  /** The macro the ticket started from, and which parts it filled. */
  macro: z.object({ id: z.number().int(), title: z.string(), filled: z.array(z.string()) }).nullable(),
  /** Subject and body in other languages, sent to customers whose Zendesk language matches. */
  translations: z.array(z.object({ locale: z.string(), subject: z.string(), body: z.string() })),
  /** Customers per wave when a large campaign goes out in parts; null sends it at once. */
  waveSize: z.number().int().positive().nullable(),
});
export type TicketDraft = z.infer<typeof ticketDraftSchema>;

export const campaignDraftSchema = z.object({
  version: z.literal(DRAFT_VERSION),
  id: z.string().min(1),
  createdAt: z.number(),
  updatedAt: z.number(),
  audience: audienceDraftSchema,
  ticket: ticketDraftSchema,
});
export type CampaignDraft = z.infer<typeof campaignDraftSchema>;

export function emptyTicket(defaults: { groupId: number | null }): TicketDraft {
  return {
    name: '',
    tagSource: null,
    subject: '',
    body: '',
    visibility: 'public',
    status: 'open',
    customStatusId: null,
    priority: null,
    type: null,
    groupId: defaults.groupId,
    assigneeId: null,
    extraTags: [],
    macro: null,
    translations: [],
    waveSize: null,
  };
}

export function emptyAudience(): AudienceDraft {
  return { source: 'rules', rules: EMPTY_RULES, csv: null, excludedUserIds: [] };
}

export function newDraft(options: { id: string; now: number; defaultGroupId: number | null }): CampaignDraft {
  return {
    version: DRAFT_VERSION,
    id: options.id,
    createdAt: options.now,
    updatedAt: options.now,
    audience: emptyAudience(),
    ticket: emptyTicket({ groupId: options.defaultGroupId }),
  };
}

export interface DraftReading {
  draft: CampaignDraft;
  /** Parts of the stored draft that could not be read and were reset (shown to the agent). */
  reset: Array<'audience' | 'ticket' | 'all'>;
}

/**
 * Reads whatever was stored. A draft of this version is checked part by part; an unknown version
 * (older or newer app) or garbage gives a fresh draft, reported, never a broken screen.
 */
export function readDraft(raw: unknown, fresh: () => CampaignDraft): DraftReading {
  if (raw === undefined || raw === null) return { draft: fresh(), reset: [] };
  const whole = campaignDraftSchema.safeParse(raw);
  if (whole.success) return { draft: whole.data, reset: [] };
  const base = fresh();
  const record = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (record.version !== DRAFT_VERSION || typeof record.id !== 'string') return { draft: base, reset: ['all'] };
  const reset: DraftReading['reset'] = [];
  const audience = audienceDraftSchema.safeParse(record.audience);
  const ticket = ticketDraftSchema.safeParse(record.ticket);
  if (!audience.success) reset.push('audience');
  if (!ticket.success) reset.push('ticket');
  return {
    draft: {
      ...base,
      id: record.id,
      createdAt: typeof record.createdAt === 'number' ? record.createdAt : base.createdAt,
      audience: audience.success ? audience.data : base.audience,
      ticket: ticket.success ? ticket.data : base.ticket,
    },
    reset,
  };
}
