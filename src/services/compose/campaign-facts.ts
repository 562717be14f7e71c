import { CAPACITY_WINDOW_DAYS } from '../../domain/checks/campaign-checks.ts';
import type { AccountCalendar } from '../../domain/time/account-calendar.ts';
import { countSearch, listActiveTriggers, type SupportApiClient, type Trigger } from '../../zendesk/index.ts';

/** Tickets already carrying a tag: a campaign tag in use means the name is taken. */
export function ticketsWithTag(api: SupportApiClient, tag: string, options: { signal?: AbortSignal } = {}) {
  return countSearch(api, `type:ticket tags:${tag}`, options);
}

/**
 * Tickets the group (or, without one, the account) solved in the last four weeks, counted by
 * search from the start of the account's day four weeks ago. Agents only count tickets they may
 * see; a restricted agent gets a smaller number, which errs on the cautious side.
 */
export function solvedInWindow(
  api: SupportApiClient,
  input: { groupId: number | null; calendar: AccountCalendar; today: string },
  options: { signal?: AbortSignal } = {},
) {
  const since = input.calendar.startOfAsIso(input.calendar.shift(input.today, -CAPACITY_WINDOW_DAYS));
  const group = input.groupId === null ? '' : ` group:${input.groupId}`;
  return countSearch(api, `type:ticket solved>=${since}${group}`, options);
}

export function activeTriggers(api: SupportApiClient, options: { signal?: AbortSignal } = {}): Promise<Trigger[]> {
  return listActiveTriggers(api, options);
}
