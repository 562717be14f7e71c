import { Button, IconButton } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Select } from '@zendeskgarden/react-forms';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { AudienceRules, ConditionProblem } from '../../domain/audience/audience.ts';
import {
  OPERATORS_BY_KIND,
  startCondition,
  withOperator,
  type Condition,
  type Operator,
} from '../../domain/audience/condition.ts';
import type { AudienceField, FieldCatalog } from '../../domain/fields/audience-fields.ts';
import { fieldId } from '../../domain/fields/audience-fields.ts';
import type { AccountCalendar } from '../../domain/time/account-calendar.ts';
import { useT } from '../../i18n/provider.tsx';
import { fieldLabel, operatorLabel } from './labels.ts';
import { ValueInput } from './ValueInput.tsx';

const Row = styled.fieldset`
  display: grid;
  grid-template-columns: minmax(11em, 1fr) minmax(11em, 1fr) minmax(14em, 2fr) auto;
  gap: ${({ theme }) => theme.space.sm};
  align-items: start;
  margin: 0 0 ${({ theme }) => theme.space.sm};
  padding: ${({ theme }) => theme.space.sm};
  border: ${({ theme }) => theme.borders.sm} ${({ theme }) => getColor({ theme, variable: 'border.default' })};
  border-radius: ${({ theme }) => theme.borderRadii.md};
`;

const Legend = styled.legend`
  padding: 0 ${({ theme }) => theme.space.xxs};
  font-size: ${({ theme }) => theme.fontSizes.sm};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
`;

const Toolbar = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.md};
  align-items: center;
  margin-bottom: ${({ theme }) => theme.space.sm};
`;

const Problem = styled(SM)`
  grid-column: 1 / -1;
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.danger' })};
`;

export interface RulesEditorProps {
  rules: AudienceRules;
  catalog: FieldCatalog;
  calendar: AccountCalendar;
  today: string;
  problems: readonly ConditionProblem[];
  newId: () => string;
  onChange: (rules: AudienceRules) => void;
}

const SCOPE_GROUPS = ['builtin', 'user', 'organization'] as const;

/** Conditions over the account's fields, matched all-of or any-of. */
export function RulesEditor({ rules, catalog, calendar, today, problems, newId, onChange }: RulesEditorProps) {
  const t = useT();
  const shift = (day: string, days: number) => calendar.shift(day, days);
  const replace = (id: string, next: Condition) =>
    onChange({ ...rules, conditions: rules.conditions.map((c) => (c.id === id ? next : c)) });
  const remove = (id: string) => onChange({ ...rules, conditions: rules.conditions.filter((c) => c.id !== id) });
  const firstField = catalog.fields.find((f) => f.ref.scope === 'user') ?? catalog.fields[0];

  return (
    <section aria-label={t('audience.rules_label')}>
      <Toolbar>
        <Field>
          <Field.Label>{t('audience.match_label')}</Field.Label>
          <Select
            value={rules.match}
            onChange={(e) => onChange({ ...rules, match: e.target.value === 'any' ? 'any' : 'all' })}
          >
            <option value="all">{t('audience.match_all')}</option>
            <option value="any">{t('audience.match_any')}</option>
          </Select>
        </Field>
      </Toolbar>

      {rules.conditions.map((condition, index) => {
        const field = catalog.get(condition.field);
        const rowLabel = t('audience.condition_n', { n: index + 1 });
        const problem = problems.find((p) => p.conditionId === condition.id);
        return (
          <Row key={condition.id} aria-label={rowLabel}>
            <Legend>{rowLabel}</Legend>
            <Field>
              <Field.Label>{t('audience.field_label')}</Field.Label>
              <Select
                value={field ? field.id : fieldId(condition.field)}
                onChange={(e) => {
                  const next = catalog.fields.find((f) => f.id === e.target.value);
                  if (next) replace(condition.id, startCondition(condition.id, next, today, shift));
                }}
              >
                {!field && <option value={fieldId(condition.field)}>{t('audience.field_missing')}</option>}
                {SCOPE_GROUPS.map((scope) => (
                  <optgroup key={scope} label={t(`audience.group.${scope}`)}>
                    {catalog.fields
                      .filter((f) => f.ref.scope === scope)
                      .map((f: AudienceField) => (
                        <option key={f.id} value={f.id}>
                          {fieldLabel(f, t)}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </Select>
            </Field>
            <Field>
              <Field.Label>{t('audience.operator_label')}</Field.Label>
              <Select
                value={condition.operator}
                disabled={!field}
                onChange={(e) =>
                  replace(condition.id, withOperator(condition, e.target.value as Operator, today, shift))
                }
              >
                {(field ? OPERATORS_BY_KIND[field.kind] : [condition.operator]).map((operator) => (
                  <option key={operator} value={operator}>
                    {operatorLabel(operator, field?.kind ?? 'text', t)}
                  </option>
                ))}
              </Select>
            </Field>
            <div>
              {field && (
                <ValueInput
                  key={`${condition.id}:${condition.operator}`}
                  field={field}
                  condition={condition}
                  rowLabel={rowLabel}
                  onChange={(next) => replace(condition.id, next)}
                />
              )}
            </div>
            <IconButton
              aria-label={t('audience.remove_condition', { n: index + 1 })}
              title={t('audience.remove_condition', { n: index + 1 })}
              onClick={() => remove(condition.id)}
            >
              <span aria-hidden>×</span>
            </IconButton>
            {problem && <Problem role="alert">{t(`audience.problem.${problem.reason}`)}</Problem>}
          </Row>
        );
      })}

      <Toolbar>
        <Button
          size="small"
          disabled={!firstField}
          onClick={() =>
            firstField &&
            onChange({ ...rules, conditions: [...rules.conditions, startCondition(newId(), firstField, today, shift)] })
          }
        >
          {t('audience.add_condition')}
        </Button>
        <Field>
          <Checkbox
            checked={rules.includeStaff}
            onChange={(e) => onChange({ ...rules, includeStaff: e.target.checked })}
          >
            <Field.Label>{t('audience.include_staff')}</Field.Label>
          </Checkbox>
        </Field>
      </Toolbar>
    </section>
  );
}
