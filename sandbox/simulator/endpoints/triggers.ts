import { idParam, isAdmin, type ApiContext } from '../context.ts';
import {
  badRequest,
  created,
  invalidValue,
  ok,
  recordInvalid,
  recordNotFound,
  type Details,
  type Reply,
} from '../errors.ts';
import { cursorPage, offsetPage, paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { isRecord } from '../body.ts';
import { readConditions } from './rule-conditions.ts';
import { isoTime } from '../time.ts';
import { triggerDefinitions } from '../trigger-definitions.ts';
import { readTriggerActions, triggerConditionRules } from '../trigger-validation.ts';
import type { TriggerCategory, ZendeskTrigger } from '../types.ts';

/** Zendesk has a maximum of 500 trigger categories (support-api.md §8). */
const MAX_CATEGORIES = 500;

/** Trigger categories answer errors in their own shape: `{"errors":[{code,title}]}`. */
function categoryError(status: number, code: string, title: string): Reply {
  return { status, body: { errors: [{ code, title }] } };
}

function addCategory(ctx: ApiContext, name: string, position: number | undefined): TriggerCategory {
  const at = isoTime(ctx.now);
  const category: TriggerCategory = {
    id: String(ctx.account.nextId('category')),
    name,
    position: position ?? ctx.account.triggerCategories.length,
    created_at: at,
    updated_at: at,
  };
  ctx.account.triggerCategories.push(category);
  return category;
}

/** POST /triggers: title and actions required, all checked against the definitions; admin only (route access). */
function createTrigger(ctx: ApiContext): Reply {
  if (!isRecord(ctx.body) || !isRecord(ctx.body.trigger)) {
    return recordInvalid({ trigger: [invalidValue('Trigger', 'is required (send {"trigger": {…}})')] });
  }
  const raw = ctx.body.trigger;
  const details: Details = {};
  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (title === '') (details.title ??= []).push({ description: 'Title: cannot be blank', error: 'BlankValue' });
  const definitions = triggerDefinitions(ctx.account);
  const actions = readTriggerActions(raw.actions, definitions, details);
  // `conditions.{all,any}`; the top-level all/any is the deprecated legacy form, still accepted.
  const source = isRecord(raw.conditions) ? raw.conditions : raw;
  const all = readConditions(
    source.all,
    'all',
    details,
    triggerConditionRules(ctx.account, definitions.conditions_all),
  );
  const any = readConditions(
    source.any,
    'any',
    details,
    triggerConditionRules(ctx.account, definitions.conditions_any),
  );
  if (all.length === 0 && any.length === 0) {
    (details.conditions ??= []).push({ description: 'Conditions: cannot be blank', error: 'BlankValue' });
  }
  // Public code always sends a category when categories are on; whether Zendesk requires one is
  // (unverified), so the simulator does (stricter).
  let categoryId: string | undefined;
  if (raw.category_id !== undefined && raw.category_id !== null) {
    const wanted = String(raw.category_id);
    if (ctx.account.triggerCategories.some((c) => c.id === wanted)) categoryId = wanted;
    else (details.category_id ??= []).push(invalidValue('Category', 'does not exist'));
  } else if (isRecord(raw.category) && typeof raw.category.name === 'string' && raw.category.name.trim() !== '') {
    if (Object.keys(details).length === 0) {
      const position = typeof raw.category.position === 'number' ? raw.category.position : undefined;
      categoryId = addCategory(ctx, raw.category.name.trim(), position).id;
    }
  } else (details.category_id ??= []).push({ description: 'Category: cannot be blank', error: 'BlankValue' });
  if (Object.keys(details).length > 0 || categoryId === undefined) return recordInvalid(details);
  const trigger = ctx.account.addTrigger(
    {
      title,
      description: typeof raw.description === 'string' ? raw.description : null,
      active: raw.active !== false,
      category_id: categoryId,
      conditions: { all, any },
      actions,
    },
    isoTime(ctx.now),
  );
  return created({ trigger }, `${ctx.origin}/api/v2/triggers/${trigger.id}.json`);
}

function createCategory(ctx: ApiContext): Reply {
  if (!isAdmin(ctx)) return categoryError(403, 'Forbidden', 'You do not have access to this page.');
  const raw = isRecord(ctx.body) && isRecord(ctx.body.trigger_category) ? ctx.body.trigger_category : undefined;
  const name = raw && typeof raw.name === 'string' ? raw.name.trim() : '';
  if (name === '') return categoryError(400, 'InvalidTriggerCategory', 'Name cannot be blank');
  if (ctx.account.triggerCategories.length >= MAX_CATEGORIES) {
    return categoryError(400, 'ProductLimitExceeded', `You can have at most ${MAX_CATEGORIES} trigger categories`);
  }
  const position = raw && typeof raw.position === 'number' ? raw.position : undefined;
  const category = addCategory(ctx, name, position);
  // Zendesk's OpenAPI spec documents 200 (not 201) for Create Trigger Category.
  return ok(
    { trigger_category: category },
    { location: `${ctx.origin}/api/v2/trigger_categories/${category.id}.json` },
  );
}

function triggersFiltered(ctx: ApiContext, onlyActive: boolean): ZendeskTrigger[] {
  const active = onlyActive ? 'true' : ctx.query.get('active');
  const category = ctx.query.get('category_id');
  return ctx.account.triggers.filter(
    (t) =>
      (active === null || String(t.active) === active) &&
      (category === null || onlyActive || t.category_id === category),
  );
}

/** Sort keys of Search Triggers' offset paging (DOC-TRIG); `position` is the default (unverified). */
const SEARCH_SORTS: Record<string, (t: ZendeskTrigger) => string | number> = {
  alphabetical: (t) => t.title.toLowerCase(),
  created_at: (t) => t.created_at,
  updated_at: (t) => t.updated_at,
  position: (t) => t.position,
};

/**
 * GET /triggers/search?query=: triggers whose title contains the query (case-insensitive),
 * offset pagination only (DOC-TRIG). Without a query Zendesk's answer is (unverified): 400 here.
 */
function searchTriggers(ctx: ApiContext): Reply {
  const query = (ctx.query.get('query') ?? '').trim().toLowerCase();
  if (query === '') return badRequest('InvalidParameter', 'query is required');
  const active = ctx.query.get('active');
  const sortBy = ctx.query.get('sort_by') ?? 'position';
  const key = SEARCH_SORTS[sortBy] ?? SEARCH_SORTS.position;
  const descending = ctx.query.get('sort_order') === 'desc';
  const found = ctx.account.triggers
    .filter((t) => t.title.toLowerCase().includes(query) && (active === null || String(t.active) === active))
    .sort((a, b) => {
      const [ka, kb] = [key?.(a) ?? 0, key?.(b) ?? 0];
      const order = ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
      return descending ? -order : order;
    });
  const page = offsetPage(ctx, found);
  return ok({ triggers: page.items, next_page: page.next_page, previous_page: page.previous_page, count: page.count });
}

export const triggerRoutes: Route[] = [
  { method: 'POST', pattern: 'triggers', access: 'admin', handle: createTrigger },
  { method: 'GET', pattern: 'triggers', handle: (ctx) => paginatedList(ctx, triggersFiltered(ctx, false), 'triggers') },
  // The category_id filter is reported ignored on triggers/active (community), so it is here too.
  {
    method: 'GET',
    pattern: 'triggers/active',
    handle: (ctx) => paginatedList(ctx, triggersFiltered(ctx, true), 'triggers'),
  },
  {
    method: 'GET',
    pattern: 'triggers/definitions',
    handle: (ctx) => ok({ definitions: triggerDefinitions(ctx.account) }),
  },
  { method: 'GET', pattern: 'triggers/search', handle: searchTriggers },
  {
    method: 'GET',
    pattern: 'triggers/:id',
    handle: (ctx) => {
      const trigger = ctx.account.triggers.find((t) => t.id === idParam(ctx));
      return trigger ? ok({ trigger }) : recordNotFound();
    },
  },
  {
    method: 'GET',
    pattern: 'trigger_categories',
    // Cursor pagination only (the spec's response is TriggerCategoriesResponse + Pagination:
    // links/meta, no offset keys), so a request without page[size] gets the first cursor page.
    handle: (ctx) => {
      const page = cursorPage(ctx, ctx.account.triggerCategories);
      return ok({ trigger_categories: page.items, meta: page.meta, links: page.links });
    },
  },
  { method: 'POST', pattern: 'trigger_categories', handle: createCategory },
];
