import { isRecord } from './body.ts';
import type { CustomObjectField } from './custom-object-model.ts';
import type { FieldValue } from './types.ts';

/**
 * A record's `custom_object_fields`, checked against the object's fields: an unknown key or a
 * value of the wrong kind is refused (stricter: Zendesk's exact checks are (unverified)). Values
 * are stored as Zendesk answers them: numbers, booleans, dates as YYYY-MM-DD, option values.
 */
export interface ValueProblem {
  key: string;
  why: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** The stored value, or why it is refused. Null clears a field. */
function readValue(field: CustomObjectField, raw: unknown): FieldValue | { why: string } {
  if (raw === null) return null;
  const options = (field.custom_field_options ?? []).map((o) => o.value);
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof raw === 'string' ? raw : { why: 'must be text' };
    case 'regexp': {
      if (typeof raw !== 'string') return { why: 'must be text' };
      return new RegExp(field.regexp_for_validation ?? '').test(raw) ? raw : { why: 'does not match the pattern' };
    }
    case 'integer': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      return typeof n === 'number' && Number.isInteger(n) ? n : { why: 'must be a whole number' };
    }
    case 'decimal': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      return typeof n === 'number' && Number.isFinite(n) ? n : { why: 'must be a number' };
    }
    case 'checkbox':
      return typeof raw === 'boolean' ? raw : { why: 'must be true or false' };
    case 'date':
      return typeof raw === 'string' && validDate(raw) ? raw : { why: 'must be a date (YYYY-MM-DD)' };
    case 'dropdown':
      return typeof raw === 'string' && options.includes(raw) ? raw : { why: 'is not one of the options' };
    case 'multiselect':
      return Array.isArray(raw) && raw.every((v) => typeof v === 'string' && options.includes(v))
        ? raw.map(String)
        : { why: 'must be a list of the options' };
    case 'lookup':
      // The id of the related record; whether it exists is not checked here (unverified).
      return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : { why: 'must be a record id' };
  }
}

/** The new field values (merged over `current`), or the problems. */
export function readFieldValues(
  fields: readonly CustomObjectField[],
  raw: unknown,
  current: Record<string, FieldValue>,
): { values: Record<string, FieldValue>; problems: ValueProblem[] } {
  const values: Record<string, FieldValue> = { ...current };
  const problems: ValueProblem[] = [];
  if (raw === undefined) return { values, problems };
  if (!isRecord(raw)) return { values, problems: [{ key: 'custom_object_fields', why: 'must be an object' }] };
  for (const [key, value] of Object.entries(raw)) {
    const field = fields.find((f) => f.key === key && f.active);
    if (!field) {
      problems.push({ key, why: 'is not a field of this object' });
      continue;
    }
    const read = readValue(field, value);
    if (read !== null && typeof read === 'object' && !Array.isArray(read)) problems.push({ key, why: read.why });
    else values[key] = read;
  }
  return { values, problems };
}

/** Every active field, null when unset: a record answers all of its object's fields (unverified). */
export function allFieldValues(
  fields: readonly CustomObjectField[],
  values: Record<string, FieldValue>,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const field of fields) if (field.active) out[field.key] = values[field.key] ?? null;
  return out;
}
