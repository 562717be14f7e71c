import type { Operator } from '../../domain/audience/condition.ts';
import type { AudienceField, FieldKind } from '../../domain/fields/audience-fields.ts';
import type { Translate } from '../../i18n/translate.ts';

/** A field's name: the account's own title for custom fields, ours (translated) for built-ins. */
export function fieldLabel(field: AudienceField, t: Translate): string {
  if (field.title !== null) return field.title;
  return t(`audience.builtin.${field.ref.key}`);
}

const DATE_KINDS: ReadonlySet<FieldKind> = new Set(['date', 'timestamp']);

/** Operators read as a sentence with the field: "Plan renewal date · is within the next". */
export function operatorLabel(operator: Operator, kind: FieldKind, t: Translate): string {
  if (DATE_KINDS.has(kind) && (operator === 'before' || operator === 'after'))
    return t(`audience.operator.${operator}`);
  return t(`audience.operator.${operator}`);
}

export function optionLabel(field: AudienceField, value: string, t: Translate): string {
  if (field.ref.scope === 'builtin' && field.ref.key === 'role') return t(`audience.role.${value.replace('-', '_')}`);
  return field.options.find((o) => o.value === value)?.label ?? value;
}
