import type { AccountCalendar, Day } from '../../domain/time/account-calendar.ts';
import { exportSearch, type SupportApiClient } from '../../zendesk/index.ts';
import { EXPORT_PAGE_SIZE } from './search-exports.ts';

/**
 * Customers who got a ticket from any campaign in the last `days` days: every campaign ticket
 * carries the marker tag, whoever sent it, so this finds them across the team and browsers.
 * Search lags new tickets by a minute or so, which only matters for a campaign sent moments ago.
 */
export async function recentlyContacted(
  api: SupportApiClient,
  input: { markerTag: string; days: number; calendar: AccountCalendar; today: Day },
  options: { signal?: AbortSignal } = {},
): Promise<Set<number>> {
  const contacted = new Set<number>();
  if (input.days <= 0) return contacted;
  const since = input.calendar.startOfAsIso(input.calendar.shift(input.today, -input.days));
  const query = `tags:${input.markerTag} created>=${since}`;
  for await (const page of exportSearch(api, { query, type: 'ticket', pageSize: EXPORT_PAGE_SIZE }, options)) {
    for (const ticket of page) contacted.add(ticket.requester_id);
  }
  return contacted;
}
