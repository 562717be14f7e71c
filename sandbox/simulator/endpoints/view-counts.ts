import { listParam, type ApiContext } from '../context.ts';
import { badRequest, ok, recordInvalid, recordNotFound, type Details, type Reply } from '../errors.ts';
import { cursorPage, offsetPage, wantsCursor } from '../pagination.ts';
import type { Route } from '../router.ts';
import type { JsonObject, ZendeskTicket, ZendeskView } from '../types.ts';
import { prettyCount, type CountReading } from '../view-count-cache.ts';
import { viewRow } from '../view-rows.ts';
import { canSee, matchingTickets, orderedViewTickets, visibleView } from './view-access.ts';
import { readExecution, readViewConditions, requireAnchor, viewBody } from './view-input.ts';

/** "Accepts up to 20 view ids per request" (DOC-VIEWS, Count Tickets in Views). */
const MAX_COUNT_MANY = 20;

function countOf(ctx: ApiContext, view: ZendeskView): CountReading {
  return ctx.account.viewCounts.read(
    view.id,
    ctx.actor.id,
    ctx.now,
    () => matchingTickets(ctx, view.conditions).length,
  );
}

function viewCount(ctx: ApiContext, view: ZendeskView): JsonObject {
  const { value, fresh } = countOf(ctx, view);
  return {
    view_id: view.id,
    url: `${ctx.origin}/api/v2/views/${view.id}/count.json`,
    value,
    pretty: prettyCount(value),
    fresh,
  };
}

/**
 * Only views the caller may see are answered, in the order asked (DOC-VIEWS). Without ids, or
 * with more than 20, Zendesk's answer is (unverified); the simulator refuses with 400 (stricter).
 */
function countMany(ctx: ApiContext): Reply {
  const ids = listParam(ctx, 'ids');
  if (ids.length === 0) return badRequest('InvalidParameter', 'ids is required');
  if (ids.length > MAX_COUNT_MANY) {
    return badRequest('InvalidParameter', `At most ${MAX_COUNT_MANY} view ids are allowed`);
  }
  const counts: JsonObject[] = [];
  for (const id of ids) {
    const view = ctx.account.views.find((v) => String(v.id) === id);
    if (view && canSee(ctx, view)) counts.push(viewCount(ctx, view));
  }
  return ok({ view_counts: counts });
}

/** One page of rows, in cursor or offset form like every other list (DOC-VIEWS: both supported). */
function rowsPage(ctx: ApiContext, tickets: readonly ZendeskTicket[], execution: JsonObject): JsonObject {
  const columns = Array.isArray(execution.columns) ? (execution.columns as Array<{ id: string }>) : [];
  const ids = columns.map((c) => c.id);
  const paging = wantsCursor(ctx) ? cursorPage(ctx, tickets) : undefined;
  const offset = paging ? undefined : offsetPage(ctx, tickets);
  const page = paging?.items ?? offset?.items ?? [];
  return {
    rows: page.map((t) => viewRow(t, ids)),
    columns,
    groups: [],
    ...(paging
      ? { meta: paging.meta, links: paging.links }
      : { next_page: offset?.next_page ?? null, previous_page: offset?.previous_page ?? null, count: offset?.count }),
  };
}

/** A preview body: conditions and output as Create View takes them, checked the same way (stricter). */
function readPreview(ctx: ApiContext): { conditions: ZendeskView['conditions']; execution: JsonObject } | Reply {
  const raw = viewBody(ctx);
  const details: Details = {};
  if (!raw) return recordInvalid({ view: [{ description: 'View: is required', error: 'BlankValue' }] });
  const all = readViewConditions(raw.all, 'all', details);
  const any = readViewConditions(raw.any, 'any', details);
  requireAnchor(all, details);
  const execution = readExecution(raw.output, details);
  if (Object.keys(details).length > 0) return recordInvalid(details);
  return { conditions: { all, any }, execution };
}

export const viewCountRoutes: Route[] = [
  { method: 'GET', pattern: 'views/count_many', bucket: 'view_count_many', handle: countMany },
  {
    method: 'POST',
    pattern: 'views/preview',
    bucket: 'view_preview',
    handle: (ctx) => {
      const preview = readPreview(ctx);
      if ('status' in preview) return preview;
      return ok(rowsPage(ctx, orderedViewTickets(ctx, preview), preview.execution));
    },
  },
  {
    method: 'POST',
    pattern: 'views/preview/count',
    bucket: 'view_preview',
    // A preview is not a saved view, so it has nothing cached: counted on the spot, always fresh
    // (unverified); it has no view_id or url to report.
    handle: (ctx) => {
      const preview = readPreview(ctx);
      if ('status' in preview) return preview;
      const value = matchingTickets(ctx, preview.conditions).length;
      return ok({ view_count: { value, pretty: prettyCount(value), fresh: true } });
    },
  },
  {
    method: 'GET',
    pattern: 'views/:id/count',
    bucket: 'view_count',
    handle: (ctx) => {
      const view = visibleView(ctx);
      return view ? ok({ view_count: viewCount(ctx, view) }) : recordNotFound();
    },
  },
  {
    method: 'GET',
    pattern: 'views/:id/execute',
    bucket: 'view_execute',
    // Zendesk may serve an execute result up to 10 minutes old for views called very often
    // (DOC-VIEWS); the simulator always executes afresh.
    handle: (ctx) => {
      const view = visibleView(ctx);
      if (!view) return recordNotFound();
      return ok({
        view: { id: view.id, url: view.url },
        ...rowsPage(ctx, orderedViewTickets(ctx, view), view.execution),
      });
    },
  },
];
