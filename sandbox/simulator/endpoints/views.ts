import { recordUrl } from '../account.ts';
import type { ApiContext } from '../context.ts';
import {
  blank,
  forbidden,
  invalidValue,
  ok,
  recordInvalid,
  recordNotFound,
  type Details,
  type Reply,
} from '../errors.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { isoTime } from '../time.ts';
import type { ZendeskView } from '../types.ts';
import { canSee, mayWrite, orderedViewTickets, visibleView } from './view-access.ts';
import { viewCountRoutes } from './view-counts.ts';
import { readExecution, readRestriction, readViewConditions, requireAnchor, viewBody } from './view-input.ts';

function missingView(): Reply {
  return recordInvalid({ view: [invalidValue('View', 'is required (send {"view": {…}})')] });
}

function readTitle(raw: unknown, details: Details): string {
  const title = typeof raw === 'string' ? raw.trim() : '';
  if (title === '') (details.title ??= []).push(blank('Title'));
  return title;
}

/** Agents may create personal views for themselves only; admins shared, group or personal ones. */
function createView(ctx: ApiContext): Reply {
  const raw = viewBody(ctx);
  if (!raw) return missingView();
  const details: Details = {};
  const title = readTitle(raw.title, details);
  const all = readViewConditions(raw.all, 'all', details);
  const any = readViewConditions(raw.any, 'any', details);
  requireAnchor(all, details);
  const restriction = readRestriction(ctx, raw.restriction, details);
  const execution = readExecution(raw.output, details);
  if (Object.keys(details).length > 0) return recordInvalid(details);
  if (!mayWrite(ctx, restriction)) return forbidden();
  const id = ctx.account.nextId('view');
  const at = isoTime(ctx.now);
  const view: ZendeskView = {
    id,
    url: recordUrl(`views/${id}`),
    title,
    raw_title: title,
    description: typeof raw.description === 'string' ? raw.description : null,
    active: raw.active !== false,
    position: ctx.account.views.length + 1,
    default: false,
    restriction,
    conditions: { all, any },
    execution,
    created_at: at,
    updated_at: at,
  };
  ctx.account.views.push(view);
  // Zendesk's OpenAPI spec documents 200 (not 201) for Create View (support-api.md §7: "doc shows 200").
  return ok({ view }, { location: `${ctx.origin}/api/v2/views/${id}.json` });
}

/**
 * PUT: every property optional; a sent `all` or `any` replaces that whole array ("Include all your
 * conditions when updating any condition", DOC-VIEWS). The result must still be a valid view.
 * The caller must be allowed to write the view as it is and as it will be.
 */
function updateView(ctx: ApiContext): Reply {
  const view = visibleView(ctx);
  if (!view) return recordNotFound();
  const raw = viewBody(ctx);
  if (!raw) return missingView();
  const details: Details = {};
  const title = raw.title === undefined ? view.title : readTitle(raw.title, details);
  const all = raw.all === undefined ? view.conditions.all : readViewConditions(raw.all, 'all', details);
  const any = raw.any === undefined ? view.conditions.any : readViewConditions(raw.any, 'any', details);
  requireAnchor(all, details);
  // An explicit null makes the view shared again; leaving it out keeps it as it is (unverified).
  const restriction = 'restriction' in raw ? readRestriction(ctx, raw.restriction, details) : view.restriction;
  const execution = raw.output === undefined ? view.execution : readExecution(raw.output, details);
  if (Object.keys(details).length > 0) return recordInvalid(details);
  if (!mayWrite(ctx, view.restriction) || !mayWrite(ctx, restriction)) return forbidden();
  Object.assign(view, {
    title,
    raw_title: title,
    description: typeof raw.description === 'string' ? raw.description : view.description,
    active: typeof raw.active === 'boolean' ? raw.active : view.active,
    restriction,
    conditions: { all, any },
    execution,
    updated_at: isoTime(ctx.now),
  });
  ctx.account.viewCounts.forget(view.id);
  return ok({ view });
}

/** DELETE → 204, with the same rule as writes: agents delete only their own personal views. */
function deleteView(ctx: ApiContext): Reply {
  const view = visibleView(ctx);
  if (!view) return recordNotFound();
  if (!mayWrite(ctx, view.restriction)) return forbidden();
  ctx.account.views.splice(ctx.account.views.indexOf(view), 1);
  ctx.account.viewCounts.forget(view.id);
  return { status: 204 };
}

function listViews(ctx: ApiContext): Reply {
  const access = ctx.query.get('access');
  const active = ctx.query.get('active');
  const groupId = ctx.query.get('group_id');
  const views = ctx.account.views.filter((v) => {
    if (!canSee(ctx, v)) return false;
    if (active !== null && String(v.active) !== active) return false;
    const r = v.restriction;
    if (groupId !== null && !(r?.type === 'Group' && (r.ids ?? [r.id]).map(String).includes(groupId))) return false;
    if (access === 'personal') return r?.type === 'User';
    if (access === 'shared') return r?.type !== 'User';
    if (access === 'account') return r === null;
    return true;
  });
  return paginatedList(ctx, views, 'views');
}

export const viewRoutes: Route[] = [
  { method: 'POST', pattern: 'views', handle: createView },
  { method: 'GET', pattern: 'views', handle: listViews },
  // Literal paths first, so `views/count_many` and `views/preview` never read as an id.
  ...viewCountRoutes,
  {
    method: 'GET',
    pattern: 'views/:id',
    handle: (ctx) => {
      const view = visibleView(ctx);
      return view ? ok({ view }) : recordNotFound();
    },
  },
  { method: 'PUT', pattern: 'views/:id', handle: updateView },
  { method: 'DELETE', pattern: 'views/:id', handle: deleteView },
  {
    method: 'GET',
    pattern: 'views/:id/tickets',
    handle: (ctx) => {
      const view = visibleView(ctx);
      return view ? paginatedList(ctx, orderedViewTickets(ctx, view), 'tickets') : recordNotFound();
    },
  },
];
