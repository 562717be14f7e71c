import { z } from 'zod';
import { BUILT_IN_ATTRIBUTES, type FieldKind } from '../fields/audience-fields.ts';
import { isDay } from '../time/day.ts';

/**
 * One condition of an audience: a field, an operator that fits the field's kind, and a value of
 * the shape the operator needs. Kept as zod schemas because audiences are stored in the campaign
 * draft (localStorage) and come back from there as untrusted data.
 */
const daySchema = z.string().refine(isDay, 'expected a calendar day YYYY-MM-DD');
// Lists may be empty while the agent is still choosing; an empty list takes no part (isComplete).
const textList = z.array(z.string());
const dayCount = z.number().int().min(0).max(3650);

export const fieldRefSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('builtin'), key: z.enum(BUILT_IN_ATTRIBUTES) }),
  z.object({ scope: z.literal('user'), key: z.string().min(1) }),
  z.object({ scope: z.literal('organization'), key: z.string().min(1) }),
]);

const operatorShapes = [
  z.object({ operator: z.literal('is'), value: z.string() }),
  z.object({ operator: z.literal('is_not'), value: z.string() }),
  z.object({ operator: z.literal('is_any_of'), value: textList }),
  z.object({ operator: z.literal('includes_any'), value: textList }),
  z.object({ operator: z.literal('includes_all'), value: textList }),
  z.object({ operator: z.literal('includes_none'), value: textList }),
  z.object({ operator: z.literal('is_checked') }),
  z.object({ operator: z.literal('is_unchecked') }),
  z.object({ operator: z.literal('before'), value: daySchema }),
  z.object({ operator: z.literal('after'), value: daySchema }),
  z.object({ operator: z.literal('date_between'), value: z.object({ from: daySchema, to: daySchema }) }),
  z.object({ operator: z.literal('within_next_days'), value: dayCount }),
  z.object({ operator: z.literal('within_last_days'), value: dayCount }),
  z.object({ operator: z.literal('eq'), value: z.number() }),
  z.object({ operator: z.literal('ne'), value: z.number() }),
  z.object({ operator: z.literal('lt'), value: z.number() }),
  z.object({ operator: z.literal('lte'), value: z.number() }),
  z.object({ operator: z.literal('gt'), value: z.number() }),
  z.object({ operator: z.literal('gte'), value: z.number() }),
  z.object({ operator: z.literal('number_between'), value: z.object({ from: z.number(), to: z.number() }) }),
  z.object({ operator: z.literal('contains'), value: z.string() }),
  z.object({ operator: z.literal('is_empty') }),
  z.object({ operator: z.literal('is_not_empty') }),
] as const;

export const conditionSchema = z.intersection(
  z.object({ id: z.string().min(1), field: fieldRefSchema }),
  z.discriminatedUnion('operator', operatorShapes),
);
export type Condition = z.infer<typeof conditionSchema>;
export type Operator = Condition['operator'];
export type ConditionOf<O extends Operator> = Extract<Condition, { operator: O }>;

/** The operators that fit each kind of field (SPEC.md flow step 1), in the order the screen offers them. */
export const OPERATORS_BY_KIND: Record<FieldKind, readonly Operator[]> = {
  choice: ['is', 'is_not', 'is_any_of'],
  multichoice: ['includes_any', 'includes_all'],
  checkbox: ['is_checked', 'is_unchecked'],
  date: ['before', 'after', 'date_between', 'within_next_days', 'within_last_days'],
  // A sign-up date can only lie in the past.
  timestamp: ['before', 'after', 'date_between', 'within_last_days'],
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'number_between'],
  text: ['is', 'contains', 'is_empty', 'is_not_empty'],
  tags: ['includes_any', 'includes_all', 'includes_none'],
  role: ['is', 'is_any_of'],
  organization: ['is', 'is_not', 'is_any_of'],
  email_domain: ['is', 'is_not', 'is_any_of'],
  locale: ['is', 'is_not', 'is_any_of'],
  time_zone: ['is', 'is_not', 'is_any_of'],
};

export function operatorFits(kind: FieldKind, operator: Operator): boolean {
  return OPERATORS_BY_KIND[kind].includes(operator);
}

/** A condition the agent has not finished (empty text, no option picked) is left out until it is. */
export function isComplete(condition: Condition): boolean {
  switch (condition.operator) {
    case 'is':
    case 'is_not':
    case 'contains':
      return condition.value.trim() !== '';
    case 'is_any_of':
    case 'includes_any':
    case 'includes_all':
    case 'includes_none':
      return condition.value.some((value) => value.trim() !== '');
    case 'date_between':
      return condition.value.from <= condition.value.to;
    case 'number_between':
      return condition.value.from <= condition.value.to;
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return Number.isFinite(condition.value);
    default:
      return true;
  }
}

/** A new condition on a field: its first operator with a starting value the agent then edits. */
export function startCondition(
  id: string,
  field: { ref: Condition['field']; kind: FieldKind },
  today: string,
  shiftDay: (day: string, days: number) => string,
): Condition {
  const operator = OPERATORS_BY_KIND[field.kind][0] ?? 'is';
  return withOperator({ id, field: field.ref, operator: 'is_empty' }, operator, today, shiftDay);
}

/** The condition with another operator, keeping the value where it still fits. */
export function withOperator(
  condition: Condition,
  operator: Operator,
  today: string,
  shiftDay: (day: string, days: number) => string,
): Condition {
  const base = { id: condition.id, field: condition.field };
  const previous = 'value' in condition ? (condition.value as unknown) : undefined;
  const text = typeof previous === 'string' && !isDay(previous) ? previous : '';
  const list = Array.isArray(previous) ? (previous as string[]) : text === '' ? [] : [text];
  const num = typeof previous === 'number' ? previous : 0;
  const day = typeof previous === 'string' && isDay(previous) ? previous : today;
  switch (operator) {
    case 'is':
    case 'is_not':
      return { ...base, operator, value: list[0] ?? text };
    case 'contains':
      return { ...base, operator, value: text || (list[0] ?? '') };
    case 'is_any_of':
    case 'includes_any':
    case 'includes_all':
    case 'includes_none':
      return { ...base, operator, value: list };
    case 'before':
    case 'after':
      return { ...base, operator, value: day };
    case 'date_between':
      return { ...base, operator, value: { from: day, to: shiftDay(day, 30) } };
    case 'within_next_days':
    case 'within_last_days':
      return { ...base, operator, value: typeof previous === 'number' && previous >= 0 ? Math.round(previous) : 30 };
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return { ...base, operator, value: num };
    case 'number_between':
      return { ...base, operator, value: { from: num, to: num } };
    case 'is_checked':
    case 'is_unchecked':
    case 'is_empty':
    case 'is_not_empty':
      return { ...base, operator };
  }
}
