import { idParam, type ApiContext } from '../context.ts';
import { ok, recordNotFound } from '../errors.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import type { GroupMembership } from '../types.ts';

/** Groups, memberships, custom statuses, tag autocomplete and account settings (macros: macros.ts). */
/** `?group_id=` / `?user_id=` filters of group_memberships. */
function memberships(ctx: ApiContext): GroupMembership[] {
  const groupId = ctx.query.get('group_id');
  const userId = ctx.query.get('user_id');
  return ctx.account.groupMemberships.filter(
    (m) => (groupId === null || String(m.group_id) === groupId) && (userId === null || String(m.user_id) === userId),
  );
}

export const workspaceRoutes: Route[] = [
  { method: 'GET', pattern: 'groups', handle: (ctx) => paginatedList(ctx, ctx.account.groups, 'groups') },
  {
    method: 'GET',
    pattern: 'groups/assignable',
    handle: (ctx) =>
      paginatedList(
        ctx,
        ctx.account.groups.filter((g) => !g.deleted),
        'groups',
      ),
  },
  {
    method: 'GET',
    pattern: 'groups/:id',
    handle: (ctx) => {
      const group = ctx.account.groups.find((g) => g.id === idParam(ctx));
      return group ? ok({ group }) : recordNotFound();
    },
  },
  {
    method: 'GET',
    pattern: 'groups/:id/memberships',
    handle: (ctx) => {
      if (!ctx.account.groups.some((g) => g.id === idParam(ctx))) return recordNotFound();
      const memberships = ctx.account.groupMemberships.filter((m) => m.group_id === idParam(ctx));
      return paginatedList(ctx, memberships, 'group_memberships');
    },
  },
  {
    method: 'GET',
    pattern: 'group_memberships',
    handle: (ctx) => paginatedList(ctx, memberships(ctx), 'group_memberships'),
  },
  // Every seeded group is assignable, so the assignable memberships are all of them.
  {
    method: 'GET',
    pattern: 'group_memberships/assignable',
    handle: (ctx) => paginatedList(ctx, memberships(ctx), 'group_memberships'),
  },
  // Listed as allowed even for end users (support-api.md §11); not paginated.
  {
    method: 'GET',
    pattern: 'custom_statuses',
    access: 'anyone',
    handle: (ctx) => ok({ custom_statuses: ctx.account.customStatuses }),
  },
  {
    method: 'GET',
    pattern: 'autocomplete/tags',
    handle: (ctx) => {
      const prefix = (ctx.query.get('name') ?? '').toLowerCase();
      if (prefix.length < 2) return ok({ tags: [] });
      const tags = new Set<string>();
      for (const stored of ctx.account.tickets)
        for (const tag of stored.ticket.tags) if (tag.startsWith(prefix)) tags.add(tag);
      return ok({ tags: [...tags].sort() });
    },
  },
  {
    method: 'GET',
    pattern: 'account/settings',
    handle: (ctx) =>
      ok({
        settings: {
          tickets: {
            tagging: true,
            comments_public_by_default: true,
            is_first_comment_private_enabled: false,
            markdown_ticket_comments: false,
            maximum_personal_views_to_list: 8,
            list_empty_views: true,
            // The simulator option `customStatuses: false` turns them off.
            custom_statuses_enabled: ctx.account.customStatusesEnabled,
          },
          user: {
            tagging: true,
            time_zone_selection: true,
            language_selection: true,
            // Customers may belong to several organizations (the seed gives some two or three), unless
            // the simulator option multipleOrganizations is false. The name is the Account Settings
            // page's "multiple organizations" option (unverified).
            multiple_organizations: ctx.account.multipleOrganizations,
          },
          active_features: { user_tagging: true, ticket_tagging: true, on_hold_status: true },
          localization: {
            time_zone: 'Eastern Time (US & Canada)',
            iana_time_zone: 'America/New_York',
            default_locale_identifier: 'en-US',
            locale_ids: [1, 67, 69],
          },
          brands: { default_brand_id: 360_000_002, require_brand_on_new_tickets: false },
          limits: { attachment_size: 52_428_800 },
          rule: { macro_order: 'alphabetical', macro_most_used: true, using_skill_based_routing: false },
        },
      }),
  },
];
