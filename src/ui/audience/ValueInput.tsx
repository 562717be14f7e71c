import { Checkbox, Field, Input, Select } from '@zendeskgarden/react-forms';
import styled from 'styled-components';
import type { Condition } from '../../domain/audience/condition.ts';
import type { AudienceField } from '../../domain/fields/audience-fields.ts';
import { useT } from '../../i18n/provider.tsx';
import { optionLabel } from './labels.ts';
import { OrganizationPicker } from './OrganizationPicker.tsx';
import { COMMON_LOCALES } from './locales.ts';

const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.sm};
  align-items: flex-end;
`;

const Options = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => `${theme.space.xxs} ${theme.space.md}`};
`;

const Narrow = styled.div`
  width: 11em;
`;

/** Comma-separated values, for lists without a fixed set of options (tags, domains, time zones). */
function splitList(text: string): string[] {
  return text.split(',').map((v) => v.trim());
}

export interface ValueInputProps {
  field: AudienceField;
  condition: Condition;
  onChange: (condition: Condition) => void;
  /** Names the inputs of this row for assistive technology ("Condition 2"). */
  rowLabel: string;
}

/** The input that fits the field and operator: options, dates, numbers, days or text. */
export function ValueInput({ field, condition, onChange, rowLabel }: ValueInputProps) {
  const t = useT();
  const label = (what: string) => `${rowLabel}: ${what}`;
  switch (condition.operator) {
    case 'is_checked':
    case 'is_unchecked':
    case 'is_empty':
    case 'is_not_empty':
      return null;
    case 'before':
    case 'after':
      return (
        <Field>
          <Field.Label hidden>{label(t('audience.value.date'))}</Field.Label>
          <Input
            type="date"
            value={condition.value}
            onChange={(e) => e.target.value && onChange({ ...condition, value: e.target.value })}
          />
        </Field>
      );
    case 'date_between':
      return (
        <Row>
          {(['from', 'to'] as const).map((end) => (
            <Field key={end}>
              <Field.Label>{t(`audience.value.${end}`)}</Field.Label>
              <Input
                type="date"
                aria-label={label(t(`audience.value.${end}`))}
                value={condition.value[end]}
                onChange={(e) =>
                  e.target.value && onChange({ ...condition, value: { ...condition.value, [end]: e.target.value } })
                }
              />
            </Field>
          ))}
        </Row>
      );
    case 'within_next_days':
    case 'within_last_days':
      return (
        <Field>
          <Field.Label hidden>{label(t('audience.value.days'))}</Field.Label>
          <Row>
            <Narrow>
              <Input
                type="number"
                min={0}
                max={3650}
                step={1}
                value={String(condition.value)}
                onChange={(e) => {
                  const days = Number(e.target.value);
                  if (e.target.value !== '' && Number.isInteger(days) && days >= 0 && days <= 3650)
                    onChange({ ...condition, value: days });
                }}
              />
            </Narrow>
            <span aria-hidden>{t('audience.value.days_unit')}</span>
          </Row>
        </Field>
      );
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return (
        <Narrow>
          <NumberInput
            label={label(t('audience.value.number'))}
            value={condition.value}
            integer={field.integer}
            onChange={(value) => onChange({ ...condition, value })}
          />
        </Narrow>
      );
    case 'number_between':
      return (
        <Row>
          {(['from', 'to'] as const).map((end) => (
            <Narrow key={end}>
              <NumberInput
                label={label(t(`audience.value.${end}`))}
                visibleLabel={t(`audience.value.${end}`)}
                value={condition.value[end]}
                integer={field.integer}
                onChange={(value) => onChange({ ...condition, value: { ...condition.value, [end]: value } })}
              />
            </Narrow>
          ))}
        </Row>
      );
    case 'is':
    case 'is_not':
    case 'contains': {
      if (condition.operator !== 'contains' && field.kind === 'organization') {
        return (
          <OrganizationPicker
            label={label(t('audience.value.organization'))}
            selected={condition.value === '' ? [] : [condition.value]}
            multiple={false}
            onChange={(ids) => onChange({ ...condition, value: ids[0] ?? '' })}
          />
        );
      }
      const options = optionsFor(field);
      if (condition.operator !== 'contains' && options.length > 0) {
        return (
          <Field>
            <Field.Label hidden>{label(t('audience.value.option'))}</Field.Label>
            <Select value={condition.value} onChange={(e) => onChange({ ...condition, value: e.target.value })}>
              <option value="">{t('audience.value.choose')}</option>
              {options.map((value) => (
                <option key={value} value={value}>
                  {optionLabel(field, value, t)}
                </option>
              ))}
            </Select>
          </Field>
        );
      }
      return (
        <Field>
          <Field.Label hidden>{label(t('audience.value.text'))}</Field.Label>
          <Input value={condition.value} onChange={(e) => onChange({ ...condition, value: e.target.value })} />
        </Field>
      );
    }
    case 'is_any_of':
    case 'includes_any':
    case 'includes_all':
    case 'includes_none': {
      if (field.kind === 'organization') {
        return (
          <OrganizationPicker
            label={label(t('audience.value.organization'))}
            selected={condition.value}
            multiple
            onChange={(ids) => onChange({ ...condition, value: ids })}
          />
        );
      }
      const options = optionsFor(field);
      if (options.length > 0 && options.length <= 24) {
        const chosen = new Set(condition.value);
        return (
          <fieldset aria-label={label(t('audience.value.options'))} style={{ border: 0, padding: 0, margin: 0 }}>
            <Options>
              {options.map((value) => (
                <Field key={value}>
                  <Checkbox
                    checked={chosen.has(value)}
                    onChange={(e) => {
                      const next = e.target.checked
                        ? [...condition.value, value]
                        : condition.value.filter((v) => v !== value);
                      onChange({ ...condition, value: next });
                    }}
                  >
                    <Field.Label>{optionLabel(field, value, t)}</Field.Label>
                  </Checkbox>
                </Field>
              ))}
            </Options>
          </fieldset>
        );
      }
      return (
        <Field>
          <Field.Label hidden>{label(t('audience.value.list'))}</Field.Label>
          <Field.Hint>{t('audience.value.list_hint')}</Field.Hint>
          <Input
            value={condition.value.join(', ')}
            onChange={(e) => onChange({ ...condition, value: splitList(e.target.value) })}
          />
        </Field>
      );
    }
  }
}

function optionsFor(field: AudienceField): string[] {
  if (field.options.length > 0) return field.options.map((o) => o.value);
  if (field.kind === 'locale') return [...COMMON_LOCALES];
  return [];
}

function NumberInput({
  label,
  visibleLabel,
  value,
  integer,
  onChange,
}: {
  label: string;
  visibleLabel?: string;
  value: number;
  integer: boolean;
  onChange: (value: number) => void;
}) {
  return (
    <Field>
      <Field.Label hidden={visibleLabel === undefined}>{visibleLabel ?? label}</Field.Label>
      <Input
        type="number"
        aria-label={visibleLabel === undefined ? undefined : label}
        step={integer ? 1 : 'any'}
        defaultValue={String(value)}
        onChange={(e) => {
          const next = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(next) && (!integer || Number.isInteger(next)))
            onChange(next);
        }}
      />
    </Field>
  );
}
