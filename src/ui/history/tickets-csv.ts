import { toCsv } from '../../domain/send/results-csv.ts';
import type { CampaignTicketRow } from '../../services/after-send/campaign-tickets.ts';
import type { Translate } from '../../i18n/translate.ts';

/** A campaign's tickets as a spreadsheet: one row per ticket, in the agent's language, formula-safe. */
export function ticketsCsv(rows: readonly CampaignTicketRow[], t: Translate): string {
  return toCsv(
    [
      t('history.csv.ticket'),
      t('history.csv.subject'),
      t('history.csv.status'),
      t('history.csv.requester'),
      t('history.csv.requester_email'),
      t('history.csv.assignee'),
      t('history.csv.created'),
      t('history.csv.updated'),
    ],
    rows.map(({ ticket, requester, assignee }) => [
      ticket.id,
      ticket.subject ?? '',
      t(`ticket.status.${ticket.status}`),
      requester?.name ?? String(ticket.requester_id),
      requester?.email ?? '',
      assignee?.name ?? '',
      ticket.created_at,
      ticket.updated_at,
    ]),
  );
}
