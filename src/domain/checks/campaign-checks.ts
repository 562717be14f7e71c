import type { TicketDraft } from '../campaign/draft.ts';
import { campaignTag, type CampaignTagProblem } from '../campaign/tags.ts';
import type { LocatedProblem } from '../compose/campaign-template.ts';
import type { SyntaxIssue } from '../compose/template.ts';

/**
 * Everything to know before Send, as values the screens turn into words: errors block the Send
 * button, warnings are shown. Each names the field it belongs to, so its message appears there.
 */
export type CheckField = 'name' | 'tag' | 'subject' | 'body' | 'assignee' | 'audience' | 'size' | 'translations';

export type CampaignCheck =
  | { severity: 'error'; field: 'name'; code: 'name_empty' }
  | { severity: 'error'; field: 'tag'; code: `tag_${CampaignTagProblem}`; tag: string }
  | { severity: 'error'; field: 'tag'; code: 'tag_taken'; tag: string; tickets: number }
  | { severity: 'error'; field: 'subject' | 'body'; code: 'text_empty'; locale: string | null }
  | { severity: 'error'; field: 'subject' | 'body'; code: 'unknown_placeholder'; path: string; locale: string | null }
  | {
      severity: 'error';
      field: 'subject' | 'body';
      code: 'syntax';
      issue: SyntaxIssue;
      snippet: string;
      line: number | null;
      message: string;
      locale: string | null;
    }
  | { severity: 'error'; field: 'subject' | 'body'; code: 'unsupported_tag'; name: string; locale: string | null }
  | { severity: 'error'; field: 'audience'; code: 'audience_empty' }
  | { severity: 'error'; field: 'size'; code: 'over_cap'; size: number; cap: number }
  | { severity: 'error'; field: 'assignee'; code: 'assignee_not_in_group' }
  | { severity: 'error'; field: 'audience'; code: 'sending_not_allowed' };

export interface CheckInputs {
  ticket: TicketDraft;
  tagPrefix: string;
  /** Customers who will get the ticket (after exclusions); null while still counting. */
  audienceSize: number | null;
  campaignSizeCap: number;
  /** Tickets already carrying the campaign tag (search count); null while unknown. */
  ticketsWithTag: number | null;
  templateProblems: readonly LocatedProblem[];
  /** Agents of the chosen group; null when no group is chosen or while loading. */
  groupMembers: ReadonlySet<number> | null;
  /** Admins may always send; agents only when the admin's setting allows it. */
  mayCreateCampaigns: boolean;
}

/** The tag the campaign gets: from the tag the agent typed, else from the name. */
export function tagFor(ticket: Pick<TicketDraft, 'name' | 'tagSource'>, prefix: string) {
  return campaignTag(prefix, ticket.tagSource ?? ticket.name);
}

export function checkCampaign(inputs: CheckInputs): CampaignCheck[] {
  const { ticket } = inputs;
  const checks: CampaignCheck[] = [];
  if (!inputs.mayCreateCampaigns) checks.push({ severity: 'error', field: 'audience', code: 'sending_not_allowed' });
  if (ticket.name.trim() === '') checks.push({ severity: 'error', field: 'name', code: 'name_empty' });
  else {
    const tag = tagFor(ticket, inputs.tagPrefix);
    if ('problem' in tag) checks.push({ severity: 'error', field: 'tag', code: `tag_${tag.problem}`, tag: tag.tag });
    else if (inputs.ticketsWithTag !== null && inputs.ticketsWithTag > 0)
      checks.push({ severity: 'error', field: 'tag', code: 'tag_taken', tag: tag.tag, tickets: inputs.ticketsWithTag });
  }
  const texts: Array<{ locale: string | null; subject: string; body: string }> = [
    { locale: null, subject: ticket.subject, body: ticket.body },
    ...ticket.translations,
  ];
  for (const text of texts) {
    if (text.subject.trim() === '')
      checks.push({ severity: 'error', field: 'subject', code: 'text_empty', locale: text.locale });
    if (text.body.trim() === '')
      checks.push({ severity: 'error', field: 'body', code: 'text_empty', locale: text.locale });
  }
  for (const { part, locale, problem } of inputs.templateProblems) {
    if (problem.kind === 'unknown_placeholder')
      checks.push({ severity: 'error', field: part, code: 'unknown_placeholder', path: problem.path, locale });
    else if (problem.kind === 'syntax')
      checks.push({
        severity: 'error',
        field: part,
        code: 'syntax',
        issue: problem.issue,
        snippet: problem.snippet,
        line: problem.line,
        message: problem.message,
        locale,
      });
    else checks.push({ severity: 'error', field: part, code: 'unsupported_tag', name: problem.name, locale });
  }
  if (inputs.audienceSize === 0) checks.push({ severity: 'error', field: 'audience', code: 'audience_empty' });
  if (inputs.audienceSize !== null && inputs.audienceSize > inputs.campaignSizeCap) {
    const waves = ticket.waveSize;
    if (waves === null || waves > inputs.campaignSizeCap)
      checks.push({
        severity: 'error',
        field: 'size',
        code: 'over_cap',
        size: inputs.audienceSize,
        cap: inputs.campaignSizeCap,
      });
  }
  if (ticket.assigneeId !== null && inputs.groupMembers !== null && !inputs.groupMembers.has(ticket.assigneeId)) {
    checks.push({ severity: 'error', field: 'assignee', code: 'assignee_not_in_group' });
  }
  return checks;
}

/** Waves of at most `waveSize` customers: how many, and how big the last one is. */
export function waveCount(size: number, waveSize: number): number {
  return Math.max(1, Math.ceil(size / Math.max(1, waveSize)));
}

/** Tickets solved per day by the team, from a four-week solved count. */
export const CAPACITY_WINDOW_DAYS = 28;

export interface CapacityVerdict {
  solvedPerDay: number;
  /** Days of the team's solving pace the campaign's tickets amount to; null without history. */
  days: number | null;
}

export function capacityVerdict(solvedInWindow: number, campaignSize: number): CapacityVerdict {
  const solvedPerDay = solvedInWindow / CAPACITY_WINDOW_DAYS;
  return { solvedPerDay, days: solvedPerDay > 0 ? campaignSize / solvedPerDay : null };
}
