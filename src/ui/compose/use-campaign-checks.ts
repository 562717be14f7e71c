import { useEffect, useMemo, useState } from 'react';
import { checkCampaign, tagFor, type CampaignCheck } from '../../domain/checks/campaign-checks.ts';
import { CampaignTemplate } from '../../domain/compose/campaign-template.ts';
import type { TicketDraft } from '../../domain/campaign/draft.ts';
import type { AccountFacts } from '../../services/audience/account-facts.ts';
import { ticketsWithTag } from '../../services/compose/campaign-facts.ts';
import type { ComposeWorkspace } from '../../services/compose/compose-workspace.ts';
import { yesNoFor } from '../../i18n/customer-words.ts';
import { useEnvironment } from '../environment.tsx';
import { useAudience } from '../audience/AudienceProvider.tsx';

export function useCampaignTemplate(ticket: TicketDraft, facts: AccountFacts): CampaignTemplate {
  return useMemo(
    () =>
      new CampaignTemplate(
        ticket,
        { userFields: facts.userFields, organizationFields: facts.organizationFields },
        yesNoFor,
      ),
    [ticket.subject, ticket.body, ticket.translations, facts], // eslint-disable-line react-hooks/exhaustive-deps
  );
}

/**
 * The campaign's checks, recomputed as the agent types. Whether the campaign tag is already on
 * tickets is asked of Zendesk once per tag, a moment after typing stops; when Zendesk does not
 * answer, the failure is kept for the agent to see and retry (the name is not known to be free).
 */
export function useCampaignChecks(
  ticket: TicketDraft,
  facts: AccountFacts,
  workspace: ComposeWorkspace | null,
): {
  checks: CampaignCheck[];
  template: CampaignTemplate;
  tag: string;
  tagCounted: boolean;
  tagCheck: { error: unknown; retry: () => void };
} {
  const { api, session, user } = useEnvironment();
  const audience = useAudience();
  const template = useCampaignTemplate(ticket, facts);
  const tag = tagFor(ticket, session.settings.tagPrefix);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [failures, setFailures] = useState<Record<string, unknown>>({});
  const tagText = 'problem' in tag ? null : tag.tag;

  useEffect(() => {
    if (tagText === null || counts[tagText] !== undefined || tagText in failures) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      ticketsWithTag(api, tagText, { signal: controller.signal }).then(
        (count) => setCounts((c) => ({ ...c, [tagText]: count })),
        (error: unknown) => {
          if (!controller.signal.aborted) setFailures((f) => ({ ...f, [tagText]: error }));
        },
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, tagText, counts, failures]);
  const retryTagCheck = () =>
    setFailures((f) => Object.fromEntries(Object.entries(f).filter(([failed]) => failed !== tagText)));

  const groupMembers = useMemo(() => {
    if (!workspace || ticket.groupId === null) return null;
    return new Set(workspace.memberships.filter((m) => m.group_id === ticket.groupId).map((m) => m.user_id));
  }, [workspace, ticket.groupId]);

  const checks = checkCampaign({
    ticket,
    tagPrefix: session.settings.tagPrefix,
    audienceSize: audience?.sorted?.included.length ?? null,
    campaignSizeCap: session.settings.campaignSizeCap,
    ticketsWithTag: tagText === null ? null : (counts[tagText] ?? null),
    templateProblems: template.problems,
    groupMembers,
    mayCreateCampaigns: user.role.kind === 'admin' || session.settings.agentsCanSend,
  });
  return {
    checks,
    template,
    tag: tag.tag,
    tagCounted: tagText !== null && counts[tagText] !== undefined,
    tagCheck: { error: tagText === null ? null : (failures[tagText] ?? null), retry: retryTagCheck },
  };
}
