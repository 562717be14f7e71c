import { Tag } from '@zendeskgarden/react-tags';
import { getColor } from '@zendeskgarden/react-theming';
import { MD, SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { Customer } from '../../domain/audience/customer.ts';
import type { RenderedTicket } from '../../domain/compose/campaign-template.ts';
import type { NewTicket, Organization } from '../../zendesk/index.ts';
import type { ComposeWorkspace } from '../../services/compose/compose-workspace.ts';
import { useT } from '../../i18n/provider.tsx';
import { Facts } from '../shared/Facts.tsx';

const Body = styled.div`
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  padding: ${({ theme }) => theme.space.md};
  margin: ${({ theme }) => theme.space.sm} 0;
  border-left: 3px solid ${({ theme }) => getColor({ theme, variable: 'border.primaryEmphasis' })};
  background: ${({ theme }) => getColor({ theme, variable: 'background.subtle' })};
`;

const Tags = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.xxs};
`;

/**
 * The ticket as Zendesk will store it for one customer. Customer data is shown as text, never as
 * markup (React escapes it), exactly as the ticket's HTML carries it.
 */
export function TicketPreview({
  customer,
  organization,
  rendered,
  ticket,
  workspace,
}: {
  customer: Customer;
  organization: Organization | null;
  rendered: RenderedTicket;
  ticket: NewTicket;
  workspace: ComposeWorkspace;
}) {
  const t = useT();
  const custom = workspace.customStatuses.find((s) => s.id === ticket.custom_status_id);
  const group = workspace.groups.find((g) => g.id === ticket.group_id);
  const assignee = workspace.agents.find((a) => a.id === ticket.assignee_id);
  const added = [...new Set([...(customer.user.tags ?? []), ...(organization?.tags ?? [])])].filter(
    (tag) => !(ticket.tags ?? []).includes(tag),
  );
  return (
    <article aria-label={t('preview.ticket_label', { name: customer.user.name })}>
      <MD isBold>{rendered.subject || t('preview.no_subject')}</MD>
      <SM>
        {t(ticket.comment.public === false ? 'preview.internal_note' : 'preview.public_reply')}
        {rendered.variant ? ` · ${t('preview.translation', { locale: rendered.variant })}` : ''}
      </SM>
      <Body aria-label={t('preview.body_label')}>{rendered.bodyText}</Body>
      <Facts
        items={[
          {
            label: t('preview.requester'),
            value: customer.user.email ? `${customer.user.name} <${customer.user.email}>` : customer.user.name,
          },
          { label: t('preview.organization'), value: organization?.name ?? t('preview.none') },
          {
            label: t('preview.status'),
            value: custom ? custom.agent_label : t(`ticket.status.${ticket.status ?? 'new'}`),
          },
          {
            label: t('preview.priority'),
            value: ticket.priority ? t(`ticket.priority.${ticket.priority}`) : t('preview.none'),
          },
          { label: t('preview.type'), value: ticket.type ? t(`ticket.type.${ticket.type}`) : t('preview.none') },
          { label: t('preview.group'), value: group?.name ?? t('preview.none') },
          { label: t('preview.assignee'), value: assignee?.name ?? t('preview.unassigned') },
          {
            label: t('preview.tags'),
            value: (
              <Tags>
                {(ticket.tags ?? []).map((tag) => (
                  <Tag key={tag} size="small">
                    {tag}
                  </Tag>
                ))}
                {added.map((tag) => (
                  <Tag key={tag} size="small" hue="grey" title={t('preview.tag_added_by_zendesk')}>
                    {tag}
                  </Tag>
                ))}
              </Tags>
            ),
          },
        ]}
      />
      {added.length > 0 && <SM>{t('preview.tags_added_note')}</SM>}
    </article>
  );
}
