import { isRecord } from '../body.ts';
import type { ApiContext } from '../context.ts';
import { invalidValue, type Details } from '../errors.ts';
import type { JsonObject, RuleCondition, ViewRestriction } from '../types.ts';
import { VIEW_ANCHOR_FIELDS, VIEW_CONDITION_OPERATORS } from '../view-conditions.ts';
import { VIEW_COLUMNS, viewExecution } from '../view-execution.ts';
import { readConditions, type ConditionRules } from './rule-conditions.ts';

const NOT_SORTABLE = ['description', 'submitter', 'custom_status_id'];
const DEFAULT_COLUMNS = ['nice_id', 'description', 'requester', 'status', 'updated'];
/** "max 10 columns" (support-api.md §7). */
const MAX_COLUMNS = 10;
const VIEW_CONDITIONS: ConditionRules = {
  kind: 'view condition',
  operatorsFor: (field) => VIEW_CONDITION_OPERATORS[field],
};

/**
 * `{type:'User', id}` must name an agent or admin, and `{type:'Group', id|ids}` existing groups;
 * what Zendesk answers for an unknown id is (unverified), so the simulator refuses it (stricter).
 */
export function readRestriction(ctx: ApiContext, raw: unknown, details: Details): ViewRestriction | null {
  if (raw === undefined || raw === null) return null;
  const refuse = (why?: string) => {
    (details.restriction ??= []).push(invalidValue('Restriction', why));
    return null;
  };
  if (!isRecord(raw)) return refuse();
  if (raw.type === 'User' && typeof raw.id === 'number') {
    const user = ctx.account.usersById.get(raw.id);
    if (!user || user.role === 'end-user') return refuse(`user ${raw.id} is not an agent`);
    return { type: 'User', id: raw.id };
  }
  if (raw.type === 'Group') {
    const ids = Array.isArray(raw.ids) ? raw.ids : typeof raw.id === 'number' ? [raw.id] : undefined;
    if (!ids || ids.length === 0 || !ids.every((id) => typeof id === 'number')) return refuse();
    const unknown = ids.filter((id) => !ctx.account.groups.some((g) => g.id === id));
    if (unknown.length > 0) return refuse(`no group ${unknown.join(', ')}`);
    return Array.isArray(raw.ids) ? { type: 'Group', ids } : { type: 'Group', id: ids[0] };
  }
  return refuse();
}

/** `output` as written → `execution` as read back. */
export function readExecution(raw: unknown, details: Details): JsonObject {
  const output = isRecord(raw) ? raw : {};
  const cols = Array.isArray(output.columns) ? output.columns.map((c) => String(c)) : DEFAULT_COLUMNS;
  if (cols.length > MAX_COLUMNS) {
    (details.columns ??= []).push(invalidValue('Columns', `a view can show at most ${MAX_COLUMNS} columns`));
  }
  for (const c of cols)
    if (!(c in VIEW_COLUMNS)) (details.columns ??= []).push(invalidValue('Columns', `${c} is not a column`));
  const groupBy = typeof output.group_by === 'string' ? output.group_by : null;
  const sortBy = typeof output.sort_by === 'string' ? output.sort_by : 'updated';
  for (const by of [groupBy, sortBy]) {
    if (by !== null && (NOT_SORTABLE.includes(by) || !(by in VIEW_COLUMNS))) {
      (details.output ??= []).push(invalidValue('Output', `cannot group or sort by ${by}`));
    }
  }
  const groupOrder = output.group_order === 'desc' ? 'desc' : 'asc';
  const sortOrder = output.sort_order === 'asc' ? 'asc' : 'desc';
  return viewExecution(cols, { groupBy, groupOrder, sortBy, sortOrder });
}

export function readViewConditions(raw: unknown, name: 'all' | 'any', details: Details): RuleCondition[] {
  return readConditions(raw, name, details, VIEW_CONDITIONS);
}

/** `all` must hold a status, type, group, assignee or requester condition (support-api.md §7). */
export function requireAnchor(all: readonly RuleCondition[], details: Details): void {
  if (all.some((c) => VIEW_ANCHOR_FIELDS.includes(c.field))) return;
  (details.base ??= []).push(
    invalidValue('Conditions', 'You must select at least one condition on status, type, group, assignee or requester'),
  );
}

/** The `{"view": {…}}` wrapper every view write and preview sends. */
export function viewBody(ctx: ApiContext): Record<string, unknown> | undefined {
  return isRecord(ctx.body) && isRecord(ctx.body.view) ? ctx.body.view : undefined;
}
