import { Field, Input, Select } from '@zendeskgarden/react-forms';
import styled from 'styled-components';
import type { CampaignCheck } from '../../domain/checks/campaign-checks.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, type TicketDraft } from '../../domain/campaign/draft.ts';
import { groupAgents, type ComposeWorkspace } from '../../services/compose/compose-workspace.ts';
import { useT } from '../../i18n/provider.tsx';
import { FieldMessages, hasError } from './field-messages.tsx';

const Grid = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
  gap: ${({ theme }) => theme.space.md};
`;

/** Status, priority, type, group, assignee and extra tags of every campaign ticket. */
export function TicketFields({
  ticket,
  workspace,
  checks,
  onChange,
}: {
  ticket: TicketDraft;
  workspace: ComposeWorkspace;
  checks: readonly CampaignCheck[];
  onChange: (ticket: TicketDraft) => void;
}) {
  const t = useT();
  const statusValue = ticket.customStatusId === null ? ticket.status : `custom:${ticket.customStatusId}`;
  const agents = groupAgents(workspace, ticket.groupId);
  const byCategory = (category: string) => workspace.customStatuses.filter((s) => s.status_category === category);
  return (
    <Grid>
      <Field>
        <Field.Label>{t('compose.status_label')}</Field.Label>
        <Select
          value={statusValue}
          onChange={(e) => {
            const value = e.target.value;
            if (value.startsWith('custom:')) {
              const custom = workspace.customStatuses.find((s) => `custom:${s.id}` === value);
              if (custom) onChange({ ...ticket, status: custom.status_category, customStatusId: custom.id });
            } else {
              const status = TICKET_STATUSES.find((s) => s === value);
              if (status) onChange({ ...ticket, status, customStatusId: null });
            }
          }}
        >
          {workspace.customStatuses.length === 0
            ? TICKET_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`ticket.status.${status}`)}
                </option>
              ))
            : TICKET_STATUSES.map((category) => (
                <optgroup key={category} label={t(`ticket.status.${category}`)}>
                  {byCategory(category).map((custom) => (
                    <option key={custom.id} value={`custom:${custom.id}`}>
                      {custom.agent_label}
                    </option>
                  ))}
                </optgroup>
              ))}
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('compose.priority_label')}</Field.Label>
        <Select
          value={ticket.priority ?? ''}
          onChange={(e) =>
            onChange({ ...ticket, priority: TICKET_PRIORITIES.find((p) => p === e.target.value) ?? null })
          }
        >
          <option value="">{t('compose.none')}</option>
          {TICKET_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`ticket.priority.${priority}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('compose.type_label')}</Field.Label>
        <Select
          value={ticket.type ?? ''}
          onChange={(e) => onChange({ ...ticket, type: TICKET_TYPES.find((p) => p === e.target.value) ?? null })}
        >
          <option value="">{t('compose.none')}</option>
          {TICKET_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`ticket.type.${type}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('compose.group_label')}</Field.Label>
        <Select
          value={ticket.groupId === null ? '' : String(ticket.groupId)}
          onChange={(e) => {
            const groupId = e.target.value === '' ? null : Number(e.target.value);
            // A new group keeps the assignee only if they are one of its agents.
            const keep =
              groupId !== null &&
              ticket.assigneeId !== null &&
              groupAgents(workspace, groupId).some((a) => a.id === ticket.assigneeId);
            onChange({ ...ticket, groupId, assigneeId: keep ? ticket.assigneeId : null });
          }}
        >
          <option value="">{t('compose.none')}</option>
          {workspace.groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('compose.assignee_label')}</Field.Label>
        <Select
          value={ticket.assigneeId === null ? '' : String(ticket.assigneeId)}
          validation={hasError(checks, 'assignee') ? 'error' : undefined}
          onChange={(e) => onChange({ ...ticket, assigneeId: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">{t('compose.unassigned')}</option>
          {ticket.assigneeId !== null && !agents.some((a) => a.id === ticket.assigneeId) && (
            <option value={ticket.assigneeId}>
              {workspace.agents.find((a) => a.id === ticket.assigneeId)?.name ?? String(ticket.assigneeId)}
            </option>
          )}
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </Select>
        <FieldMessages checks={checks} field="assignee" />
      </Field>
      <Field>
        <Field.Label>{t('compose.tags_label')}</Field.Label>
        <Field.Hint>{t('compose.tags_hint')}</Field.Hint>
        <Input
          value={ticket.extraTags.join(' ')}
          onChange={(e) => onChange({ ...ticket, extraTags: e.target.value.split(/[\s,]+/) })}
        />
      </Field>
    </Grid>
  );
}
