import { idParam, isAdmin, type ApiContext } from '../context.ts';
import type { ViewRestriction, ZendeskTicket, ZendeskView } from '../types.ts';
import { ticketMatchesView } from '../view-conditions.ts';
import { sortTickets } from '../view-rows.ts';

/** Shared views are everyone's; personal ones their owner's only; group views their members' (and admins'). */
export function canSee(ctx: ApiContext, view: ZendeskView): boolean {
  const r = view.restriction;
  if (r === null) return true;
  if (r.type === 'User') return r.id === ctx.actor.id;
  if (isAdmin(ctx)) return true;
  const groups = r.ids ?? (r.id === undefined ? [] : [r.id]);
  return ctx.account.groupMemberships.some((m) => m.user_id === ctx.actor.id && groups.includes(m.group_id));
}

/**
 * Who may write a view with this restriction: admins any; agents only their own personal views.
 * Zendesk's docs say "Agents" for create/update/delete, but in the UI shared and group views are
 * for admins (and Enterprise roles with the permission); the 403 for a plain agent is (unverified),
 * support-api.md §7.
 */
export function mayWrite(ctx: ApiContext, restriction: ViewRestriction | null): boolean {
  if (isAdmin(ctx)) return true;
  return restriction?.type === 'User' && restriction.id === ctx.actor.id;
}

/** The `:id` view if the caller may see it; someone else's personal view is a 404, as if absent. */
export function visibleView(ctx: ApiContext): ZendeskView | undefined {
  const view = ctx.account.views.find((v) => v.id === idParam(ctx));
  return view && canSee(ctx, view) ? view : undefined;
}

export function matchingTickets(ctx: ApiContext, conditions: ZendeskView['conditions']): ZendeskTicket[] {
  return ctx.account.tickets.filter((t) => ticketMatchesView(t.ticket, conditions, ctx.actor.id)).map((t) => t.ticket);
}

/** The view's tickets in its own order unless the query asks for another (DOC-VIEWS `sort_by`, `sort_order`). */
export function orderedViewTickets(
  ctx: ApiContext,
  view: Pick<ZendeskView, 'conditions' | 'execution'>,
): ZendeskTicket[] {
  const sortBy = ctx.query.get('sort_by') ?? String(view.execution.sort_by ?? 'updated');
  const sortOrder = (ctx.query.get('sort_order') ?? view.execution.sort_order) === 'asc' ? 'asc' : 'desc';
  return sortTickets(ctx.account, matchingTickets(ctx, view.conditions), sortBy, sortOrder);
}
