import type { CustomFieldValue, Organization, User } from '../../zendesk/index.ts';
import type { AudienceField, FieldKind } from '../fields/audience-fields.ts';
import type { AccountCalendar } from '../time/account-calendar.ts';
import { storedDay, type Day } from '../time/day.ts';
import type { Condition } from './condition.ts';
import { emailDomain } from './customer.ts';

/**
 * The one predicate: does this value satisfy this condition? The preview, the client-side refine
 * step of the query plan and the tests all use it, so an audience is the same whichever way each
 * condition is evaluated (see plan.ts for what runs in Zendesk search instead).
 *
 * Empty values (absent, null, blank, no options) never equal anything, so "is not" and "≠" match
 * them, exactly as Zendesk search's `-key:value` does.
 */
export interface EvaluationContext {
  calendar: AccountCalendar;
  /** The account's calendar day now: relative conditions count from here. */
  today: Day;
}

type Value = CustomFieldValue | undefined;

function text(value: Value): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function list(value: Value): string[] {
  if (Array.isArray(value)) return value.map((v) => v.toLowerCase());
  const single = text(value);
  return single === undefined ? [] : [single.toLowerCase()];
}

function number(value: Value): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(value)) return Number(value);
  return undefined;
}

const same = (a: string, b: string) => a.toLowerCase() === b.trim().toLowerCase();

/** Equality-style operators shared by drop-downs, roles, locales, time zones, domains and text. */
function compareText(condition: Condition, values: readonly string[]): boolean | undefined {
  switch (condition.operator) {
    case 'is':
      return values.some((v) => same(v, condition.value));
    case 'is_not':
      return !values.some((v) => same(v, condition.value));
    case 'is_any_of':
      return values.some((v) => condition.value.some((wanted) => same(v, wanted)));
    case 'includes_any':
      return condition.value.some((wanted) => values.some((v) => same(v, wanted)));
    case 'includes_all':
      return condition.value.every((wanted) => values.some((v) => same(v, wanted)));
    case 'includes_none':
      return !condition.value.some((wanted) => values.some((v) => same(v, wanted)));
    case 'contains': {
      const wanted = condition.value.trim().toLowerCase();
      return values.some((v) => v.toLowerCase().includes(wanted));
    }
    case 'is_empty':
      return values.length === 0;
    case 'is_not_empty':
      return values.length > 0;
    default:
      return undefined;
  }
}

function compareNumber(condition: Condition, actual: number | undefined): boolean {
  switch (condition.operator) {
    case 'eq':
      return actual === condition.value;
    case 'ne':
      return actual !== condition.value;
    case 'lt':
      return actual !== undefined && actual < condition.value;
    case 'lte':
      return actual !== undefined && actual <= condition.value;
    case 'gt':
      return actual !== undefined && actual > condition.value;
    case 'gte':
      return actual !== undefined && actual >= condition.value;
    case 'number_between':
      return actual !== undefined && actual >= condition.value.from && actual <= condition.value.to;
    default:
      return false;
  }
}

/** Calendar-day conditions, inclusive at both ends: "in the next 30 days" is today up to today + 30. */
export function dayRange(condition: Condition, ctx: EvaluationContext): { from?: Day; to?: Day } | undefined {
  switch (condition.operator) {
    case 'before':
      return { to: ctx.calendar.shift(condition.value, -1) };
    case 'after':
      return { from: ctx.calendar.shift(condition.value, 1) };
    case 'date_between':
      return { from: condition.value.from, to: condition.value.to };
    case 'within_next_days':
      return { from: ctx.today, to: ctx.calendar.shift(ctx.today, condition.value) };
    case 'within_last_days':
      return { from: ctx.calendar.shift(ctx.today, -condition.value), to: ctx.today };
    default:
      return undefined;
  }
}

function compareDay(condition: Condition, day: Day | undefined, ctx: EvaluationContext): boolean {
  const range = dayRange(condition, ctx);
  if (!range || day === undefined) return false;
  return (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);
}

/** A timestamp falls on the account calendar day it happened on there. */
function compareInstant(condition: Condition, iso: string | undefined, ctx: EvaluationContext): boolean {
  const at = iso === undefined ? NaN : Date.parse(iso);
  if (Number.isNaN(at)) return false;
  return compareDay(condition, ctx.calendar.dayOf(at), ctx);
}

function checked(value: Value): boolean {
  return value === true;
}

/** A custom field value (user or organization) against a condition on that field. */
export function valueMatches(kind: FieldKind, condition: Condition, value: Value, ctx: EvaluationContext): boolean {
  switch (kind) {
    case 'checkbox':
      return condition.operator === 'is_checked' ? checked(value) : !checked(value);
    case 'number':
      return compareNumber(condition, number(value));
    case 'date':
      return compareDay(condition, storedDay(value), ctx);
    case 'timestamp':
      return compareInstant(condition, typeof value === 'string' ? value : undefined, ctx);
    case 'multichoice':
    case 'tags':
      return compareText(condition, list(value)) ?? false;
    default: {
      const single = text(value);
      return compareText(condition, single === undefined ? [] : [single]) ?? false;
    }
  }
}

/** A user-scope condition (built-in attribute or custom user field) on one customer. */
export function userMatches(
  field: AudienceField,
  condition: Condition,
  user: User,
  memberships: readonly number[],
  ctx: EvaluationContext,
): boolean {
  const { ref } = field;
  if (ref.scope === 'user') return valueMatches(field.kind, condition, user.user_fields[ref.key], ctx);
  if (ref.scope === 'organization') throw new Error(`${field.id} is an organization field`);
  switch (ref.key) {
    case 'role':
      return compareText(condition, [user.role]) ?? false;
    case 'tags':
      return (
        compareText(
          condition,
          (user.tags ?? []).map((t) => t.toLowerCase()),
        ) ?? false
      );
    case 'organization':
      return compareText(condition, memberships.map(String)) ?? false;
    case 'email_domain': {
      const domain = emailDomain(user.email);
      return compareText(condition, domain === undefined ? [] : [domain]) ?? false;
    }
    case 'locale':
      return compareText(condition, user.locale ? [user.locale] : []) ?? false;
    case 'time_zone': {
      // Zendesk shows Rails names ("Eastern Time (US & Canada)") and also gives the IANA name; either matches.
      const zones = [user.time_zone, (user as { iana_time_zone?: unknown }).iana_time_zone].filter(
        (zone): zone is string => typeof zone === 'string' && zone !== '',
      );
      const outcome = compareText(condition, zones);
      // "is not" must hold for every name the zone goes by, not just one of them.
      if (condition.operator === 'is_not') return zones.every((zone) => !same(zone, condition.value));
      return outcome ?? false;
    }
    case 'created_at':
      return compareInstant(condition, user.created_at, ctx);
  }
}

/** An organization-scope condition on one organization. */
export function organizationMatches(
  field: AudienceField,
  condition: Condition,
  organization: Organization,
  ctx: EvaluationContext,
): boolean {
  if (field.ref.scope !== 'organization') throw new Error(`${field.id} is not an organization field`);
  return valueMatches(field.kind, condition, organization.organization_fields[field.ref.key], ctx);
}
