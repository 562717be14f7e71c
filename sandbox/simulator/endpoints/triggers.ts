import { idParam, isAdmin, type ApiContext } from '../context.ts';
import { created, invalidValue, ok, recordInvalid, recordNotFound, type Details, type Reply } from '../errors.ts';
import { cursorPage, paginatedList } from '../pagination.ts';
import type { Route } from '../router.ts';
import { isRecord } from '../body.ts';
import { readConditions, type ConditionRules } from './rule-conditions.ts';
import { isoTime } from '../time.ts';
import type { TriggerCategory, ZendeskTrigger } from '../types.ts';

/** Trigger conditions are only checked for shape (the definitions endpoint is not modelled). */
const TRIGGER_CONDITIONS: ConditionRules = { kind: 'condition' };

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

/** POST /triggers: title and actions required; admin only (route access). */
function createTrigger(ctx: ApiContext): Reply {
  if (!isRecord(ctx.body) || !isRecord(ctx.body.trigger)) {
    return recordInvalid({ trigger: [invalidValue('Trigger', 'is required (send {"trigger": {…}})')] });
  }
  const raw = ctx.body.trigger;
  const details: Details = {};
  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (title === '') (details.title ??= []).push({ description: 'Title: cannot be blank', error: 'BlankValue' });
  const actions: Array<{ field: string; value: unknown }> = [];
  if (!Array.isArray(raw.actions) || raw.actions.length === 0) {
    (details.actions ??= []).push({ description: 'Actions: cannot be blank', error: 'BlankValue' });
  } else {
    for (const action of raw.actions) {
      if (isRecord(action) && typeof action.field === 'string')
        actions.push({ field: action.field, value: action.value ?? null });
      else (details.actions ??= []).push(invalidValue('Action', `${JSON.stringify(action)} is not a valid action`));
    }
  }
  // `conditions.{all,any}`; the top-level all/any is the deprecated legacy form, still accepted.
  const source = isRecord(raw.conditions) ? raw.conditions : raw;
  const all = readConditions(source.all, 'all', details, TRIGGER_CONDITIONS);
  const any = readConditions(source.any, 'any', details, TRIGGER_CONDITIONS);
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
