import { recordUrl } from '../account.ts';
import { idParam, isAdmin, type ApiContext } from '../context.ts';
import { forbidden, invalidValue, ok, recordInvalid, recordNotFound, type Details, type Reply } from '../errors.ts';
import { paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { isRecord } from '../body.ts';
import { readConditions, type ConditionRules } from './rule-conditions.ts';
import { isoTime } from '../time.ts';
import type { JsonObject, ViewRestriction, ZendeskView } from '../types.ts';
import { ticketMatchesView, VIEW_ANCHOR_FIELDS, VIEW_CONDITION_OPERATORS } from '../view-conditions.ts';

/** support-api.md §7 `output.columns`. */
const COLUMNS: Record<string, string> = {
  assigned: 'Assigned',
  assignee: 'Assignee',
  due_date: 'Due date',
  group: 'Group',
  nice_id: 'ID',
  updated: 'Updated',
  updated_assignee: 'Assignee updated',
  updated_requester: 'Requester updated',
  updated_by_type: 'Latest update by',
  organization: 'Organization',
  priority: 'Priority',
  created: 'Requested',
  requester: 'Requester',
  locale_id: 'Requester language',
  satisfaction_score: 'Satisfaction',
  solved: 'Solved',
  status: 'Status',
  description: 'Subject',
  submitter: 'Submitter',
  ticket_form: 'Ticket form',
  type: 'Type',
  brand: 'Brand',
  custom_status_id: 'Ticket status',
};
const NOT_SORTABLE = ['description', 'submitter', 'custom_status_id'];
const VIEW_CONDITIONS: ConditionRules = {
  kind: 'view condition',
  operatorsFor: (field) => VIEW_CONDITION_OPERATORS[field],
};

function readRestriction(raw: unknown, details: Details): ViewRestriction | null {
  if (raw === undefined || raw === null) return null;
  if (isRecord(raw) && raw.type === 'User' && typeof raw.id === 'number') return { type: 'User', id: raw.id };
  if (isRecord(raw) && raw.type === 'Group') {
    if (Array.isArray(raw.ids) && raw.ids.every((id) => typeof id === 'number')) return { type: 'Group', ids: raw.ids };
    if (typeof raw.id === 'number') return { type: 'Group', id: raw.id };
  }
  (details.restriction ??= []).push(invalidValue('Restriction'));
  return null;
}

function readExecution(raw: unknown, details: Details): JsonObject {
  const output = isRecord(raw) ? raw : {};
  const columns = Array.isArray(output.columns)
    ? output.columns
    : ['nice_id', 'description', 'requester', 'status', 'updated'];
  if (columns.length > 10) (details.columns ??= []).push(invalidValue('Columns', 'a view can show at most 10 columns'));
  const cols = columns.map((c) => String(c));
  for (const c of cols)
    if (!(c in COLUMNS)) (details.columns ??= []).push(invalidValue('Columns', `${c} is not a column`));
  const groupBy = typeof output.group_by === 'string' ? output.group_by : null;
  const sortBy = typeof output.sort_by === 'string' ? output.sort_by : 'updated';
  for (const by of [groupBy, sortBy]) {
    if (by !== null && (NOT_SORTABLE.includes(by) || !(by in COLUMNS))) {
      (details.output ??= []).push(invalidValue('Output', `cannot group or sort by ${by}`));
    }
  }
  const groupOrder = output.group_order === 'desc' ? 'desc' : 'asc';
  const sortOrder = output.sort_order === 'asc' ? 'asc' : 'desc';
  const describe = (id: string) => ({ id, title: COLUMNS[id] ?? id });
  return {
    group_by: groupBy,
    group_order: groupOrder,
    sort_by: sortBy,
    sort_order: sortOrder,
    group: groupBy ? { ...describe(groupBy), order: groupOrder } : null,
    sort: { ...describe(sortBy), order: sortOrder },
    columns: cols.map(describe),
    fields: cols.map(describe),
    custom_fields: [],
  };
}

function canSee(ctx: ApiContext, view: ZendeskView): boolean {
  const r = view.restriction;
  if (r === null) return true;
  if (r.type === 'User') return r.id === ctx.actor.id;
  if (isAdmin(ctx)) return true;
  const groups = r.ids ?? (r.id === undefined ? [] : [r.id]);
  return ctx.account.groupMemberships.some((m) => m.user_id === ctx.actor.id && groups.includes(m.group_id));
}

/**
 * Agents may create personal views only; a shared or group view from a plain agent is refused
 * (403 is (unverified), support-api.md §7: the app falls back to a personal view).
 */
function createView(ctx: ApiContext): Reply {
  if (!isRecord(ctx.body) || !isRecord(ctx.body.view)) {
    return recordInvalid({ view: [invalidValue('View', 'is required (send {"view": {…}})')] });
  }
  const raw = ctx.body.view;
  const details: Details = {};
  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (title === '') (details.title ??= []).push({ description: 'Title: cannot be blank', error: 'BlankValue' });
  const all = readConditions(raw.all, 'all', details, VIEW_CONDITIONS);
  const any = readConditions(raw.any, 'any', details, VIEW_CONDITIONS);
  if (!all.some((c) => VIEW_ANCHOR_FIELDS.includes(c.field))) {
    (details.base ??= []).push(
      invalidValue(
        'Conditions',
        'You must select at least one condition on status, type, group, assignee or requester',
      ),
    );
  }
  const restriction = readRestriction(raw.restriction, details);
  const execution = readExecution(raw.output, details);
  if (Object.keys(details).length > 0) return recordInvalid(details);
  const personalForSelf = restriction?.type === 'User' && restriction.id === ctx.actor.id;
  if (!isAdmin(ctx) && !personalForSelf) return forbidden();
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

function visibleView(ctx: ApiContext): ZendeskView | undefined {
  const view = ctx.account.views.find((v) => v.id === idParam(ctx));
  return view && canSee(ctx, view) ? view : undefined;
}

function viewTickets(ctx: ApiContext, view: ZendeskView) {
  return ctx.account.tickets
    .filter((t) => ticketMatchesView(t.ticket, view.conditions, ctx.actor.id))
    .map((t) => t.ticket);
}

export const viewRoutes: Route[] = [
  { method: 'POST', pattern: 'views', handle: createView },
  {
    method: 'GET',
    pattern: 'views',
    handle: (ctx) => {
      const access = ctx.query.get('access');
      const active = ctx.query.get('active');
      const views = ctx.account.views.filter((v) => {
        if (!canSee(ctx, v)) return false;
        if (active !== null && String(v.active) !== active) return false;
        if (access === 'personal') return v.restriction?.type === 'User';
        if (access === 'shared') return v.restriction?.type !== 'User';
        if (access === 'account') return v.restriction === null;
        return true;
      });
      return paginatedList(ctx, views, 'views');
    },
  },
  {
    method: 'GET',
    pattern: 'views/:id',
    handle: (ctx) => {
      const view = visibleView(ctx);
      return view ? ok({ view }) : recordNotFound();
    },
  },
  {
    method: 'GET',
    pattern: 'views/:id/count',
    bucket: 'view_count',
    handle: (ctx) => {
      const view = visibleView(ctx);
      if (!view) return recordNotFound();
      const value = viewTickets(ctx, view).length;
      return ok({
        view_count: {
          view_id: view.id,
          url: `${ctx.origin}/api/v2/views/${view.id}/count.json`,
          value,
          pretty: String(value),
          fresh: true,
        },
      });
    },
  },
  {
    method: 'GET',
    pattern: 'views/:id/tickets',
    handle: (ctx) => {
      const view = visibleView(ctx);
      return view ? paginatedList(ctx, viewTickets(ctx, view), 'tickets') : recordNotFound();
    },
  },
];
