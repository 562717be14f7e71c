import { idParam, isAdmin, type ApiContext } from '../context.ts';
import { badRequest, forbidden, ok, recordNotFound, type Reply } from '../errors.ts';
import { macroChanges, ticketAfter } from '../macro-apply.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import type { ZendeskMacro } from '../types.ts';

/**
 * Who sees which macro (DOC-MACROS): a shared macro (restriction null) is everyone's, a personal
 * one (`{type:'User', id}`) its owner's, a group one (`{type:'Group', id, ids}`) its groups'
 * members'. List Macros gives admins every macro, "including the personal macros of agents and
 * other admins"; applying and List Active Macros are about macros the caller may use, so there
 * admins get the same as agents (unverified: the stricter reading).
 */
function usable(ctx: ApiContext, macro: ZendeskMacro): boolean {
  const r = macro.restriction;
  if (r === null) return true;
  if (r.type === 'User') return r.id === ctx.actor.id;
  const groups = r.ids ?? [r.id];
  return ctx.account.groupMemberships.some((m) => m.user_id === ctx.actor.id && groups.includes(m.group_id));
}

function visible(ctx: ApiContext, macro: ZendeskMacro): boolean {
  return isAdmin(ctx) || usable(ctx, macro);
}

/** `access`, `active`, `group_id` and `only_viewable` filters of List Macros (DOC-MACROS). */
function listMacros(ctx: ApiContext, onlyActive: boolean): Reply {
  const access = ctx.query.get('access');
  // "agents" (every agent's personal macros) "is only available to admins"; the 403 is (unverified).
  if (access === 'agents' && !isAdmin(ctx)) return forbidden();
  if (access !== null && !['personal', 'agents', 'shared', 'account'].includes(access)) {
    return badRequest('InvalidParameter', 'access must be personal, agents, shared or account');
  }
  const active = onlyActive ? 'true' : ctx.query.get('active');
  const groupId = ctx.query.get('group_id');
  const onlyUsable = onlyActive || ctx.query.get('only_viewable') === 'true';
  const macros = ctx.account.macros.filter((m) => {
    if (!(onlyUsable ? usable(ctx, m) : visible(ctx, m))) return false;
    if (active !== null && String(m.active) !== active) return false;
    const r = m.restriction;
    if (groupId !== null && !(r?.type === 'Group' && (r.ids ?? [r.id]).map(String).includes(groupId))) return false;
    if (access === 'personal') return r?.type === 'User' && r.id === ctx.actor.id;
    if (access === 'agents') return r?.type === 'User';
    if (access === 'shared') return r?.type !== 'User';
    if (access === 'account') return r === null;
    return true;
  });
  return paginatedList(ctx, macros, 'macros');
}

function findMacro(ctx: ApiContext, id: number, check: (macro: ZendeskMacro) => boolean): ZendeskMacro | undefined {
  const macro = ctx.account.macros.find((m) => m.id === id);
  return macro && check(macro) ? macro : undefined;
}

export const macroRoutes: Route[] = [
  { method: 'GET', pattern: 'macros', handle: (ctx) => listMacros(ctx, false) },
  { method: 'GET', pattern: 'macros/active', handle: (ctx) => listMacros(ctx, true) },
  {
    method: 'GET',
    pattern: 'macros/:id',
    handle: (ctx) => {
      const macro = findMacro(ctx, idParam(ctx), (m) => visible(ctx, m));
      return macro ? ok({ macro }) : recordNotFound();
    },
  },
  // The changes only, comment inside `ticket`, nothing saved (the current reference's example).
  {
    method: 'GET',
    pattern: 'macros/:id/apply',
    handle: (ctx) => {
      const macro = findMacro(ctx, idParam(ctx), (m) => usable(ctx, m));
      if (!macro) return recordNotFound();
      const { ticket, comment } = macroChanges(ctx.account, macro, ctx.actor);
      return ok({ result: { ticket: { ...ticket, ...(comment ? { comment } : {}) } } });
    },
  },
  // The full ticket after the changes, with the comment beside it (the reference's earlier
  // example for this endpoint puts `comment` next to `ticket`); the ticket itself is untouched.
  {
    method: 'GET',
    pattern: 'tickets/:ticket_id/macros/:id/apply',
    handle: (ctx) => {
      const stored = ctx.account.ticketsById.get(idParam(ctx, 'ticket_id'));
      const macro = findMacro(ctx, idParam(ctx), (m) => usable(ctx, m));
      if (!stored || !macro) return recordNotFound();
      const changes = macroChanges(ctx.account, macro, ctx.actor);
      const ticket = ticketAfter(ctx.account, stored.ticket, changes);
      return ok({ result: { ticket, ...(changes.comment ? { comment: changes.comment } : {}) } });
    },
  },
];
