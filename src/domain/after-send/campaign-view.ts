import type { NewView, View } from '../../zendesk/index.ts';

/**
 * The campaign's ticket view (SPEC.md flow step 5), as Zendesk is asked to create it.
 *
 * Conditions: the campaign tag, plus `status less_than closed`. Zendesk refuses a view whose
 * "all" has no status, type, group, assignee or requester condition (support-api.md §7), and the
 * status condition is the one that costs nothing: solved tickets stay in the view until Zendesk
 * closes them, because a campaign is often sent as Solved or Pending (a notice that needs no
 * answer), and a view that hid them would be empty right after the send. Grouping by status puts
 * the tickets that need an agent (new, open) first. Closed tickets are left out: they can no
 * longer be worked, and Zendesk archives them anyway.
 *
 * The view is recognised by its condition on the tag, not by its title, so renaming it in Admin
 * Center (or the title being in another agent's language) never makes the app create a second one.
 */
export const CAMPAIGN_VIEW_COLUMNS = ['nice_id', 'description', 'requester', 'status', 'assignee', 'updated'] as const;

export type ViewAudience = { kind: 'shared' } | { kind: 'personal'; userId: number };

export function campaignViewDefinition(
  campaign: { name: string; tag: string },
  audience: ViewAudience,
  words: { title: string; description: string },
): NewView {
  return {
    title: words.title,
    description: words.description,
    active: true,
    ...(audience.kind === 'personal' ? { restriction: { type: 'User' as const, id: audience.userId } } : {}),
    all: [
      { field: 'status', operator: 'less_than', value: 'closed' },
      { field: 'current_tags', operator: 'includes', value: campaign.tag },
    ],
    any: [],
    output: {
      columns: [...CAMPAIGN_VIEW_COLUMNS],
      group_by: 'status',
      group_order: 'asc',
      sort_by: 'updated',
      sort_order: 'desc',
    },
  };
}

/** Zendesk keeps tag lists space-separated in `current_tags` values (support-api.md §9). */
function tagsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => tagsIn(v));
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/** Whether a view shows exactly the campaign's tickets: one "all" condition includes its tag. */
export function isCampaignView(view: Pick<View, 'conditions'>, tag: string): boolean {
  return view.conditions.all.some(
    (c) => c.field === 'current_tags' && c.operator === 'includes' && tagsIn(c.value).includes(tag),
  );
}

/** Shared (no restriction) or someone's personal view. */
export function viewAudienceOf(view: Pick<View, 'restriction'>): 'shared' | 'personal' | 'group' {
  const type = view.restriction?.type;
  if (type === 'User') return 'personal';
  if (type === 'Group') return 'group';
  return 'shared';
}

/**
 * Of several views for one campaign (two browsers that created one each at the same moment),
 * the one everybody keeps: a shared one before a personal one, then the oldest (lowest id).
 */
export function preferredView<T extends Pick<View, 'id' | 'restriction'>>(views: readonly T[]): T | undefined {
  const rank = (v: T) => (viewAudienceOf(v) === 'shared' ? 0 : viewAudienceOf(v) === 'group' ? 1 : 2);
  return [...views].sort((a, b) => rank(a) - rank(b) || a.id - b.id)[0];
}

/**
 * Who gets which view: an admin a shared one; an agent in a custom role tries a shared one (an
 * Enterprise role may allow it) and falls back to a personal one on 403; a plain agent may only
 * ever create personal views, so it is not asked for a shared one at all.
 */
export function viewAudiencesToTry(role: 'admin' | 'agent' | 'custom', userId: number): ViewAudience[] {
  const personal: ViewAudience = { kind: 'personal', userId };
  if (role === 'agent') return [personal];
  return [{ kind: 'shared' }, personal];
}
