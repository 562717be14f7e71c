import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Tag } from '@zendeskgarden/react-tags';
import { useEffect, useState } from 'react';
import styled from 'styled-components';
import { searchValue } from '../../domain/audience/placement.ts';
import { useT } from '../../i18n/provider.tsx';
import { search, showManyOrganizations, type Organization } from '../../zendesk/index.ts';
import { useEnvironment } from '../environment.tsx';

const Chips = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.xxs};
  margin-bottom: ${({ theme }) => theme.space.xxs};
`;

const Results = styled.ul`
  margin: ${({ theme }) => theme.space.xxs} 0 0;
  padding: 0;
  list-style: none;
  display: flex;
  flex-direction: column;
  gap: 2px;
`;

/**
 * Organizations by name, found with Zendesk search as the agent types (an account can have tens
 * of thousands, so they are never all loaded). Conditions keep the ids; the names shown are
 * looked up again after a reload.
 */
export function OrganizationPicker({
  label,
  selected,
  multiple,
  onChange,
}: {
  label: string;
  selected: readonly string[];
  multiple: boolean;
  onChange: (ids: string[]) => void;
}) {
  const t = useT();
  const { api } = useEnvironment();
  const [text, setText] = useState('');
  // Results of the search for `text` (results for older text are not shown).
  const [found, setFound] = useState<{ text: string; organizations: Organization[] }>({ text: '', organizations: [] });
  const [names, setNames] = useState<Record<string, string>>({});

  useEffect(() => {
    const unknown = selected.filter((id) => names[id] === undefined && /^\d+$/.test(id)).map(Number);
    if (unknown.length === 0) return;
    let current = true;
    showManyOrganizations(api, unknown).then(
      (found) =>
        current && setNames((n) => ({ ...n, ...Object.fromEntries(found.map((o) => [String(o.id), o.name])) })),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, selected, names]);

  useEffect(() => {
    const word = searchValue(text.replace(/\*/g, ''));
    if (word === undefined || text.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      // `name:acme*` finds names starting with the typed word (wildcards need a keyword, HC-SREF).
      const query = word.startsWith('"') ? `name:${word}` : `name:${word}*`;
      search(api, { query, type: 'organization', maxResults: 8, perPage: 8 }, { signal: controller.signal }).then(
        ({ results }) => setFound({ text, organizations: results }),
        () => setFound({ text, organizations: [] }),
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, text]);

  const add = (organization: Organization) => {
    const id = String(organization.id);
    setNames((n) => ({ ...n, [id]: organization.name }));
    onChange(multiple ? [...selected.filter((s) => s !== id), id] : [id]);
    setText('');
  };
  const results = found.text === text && text.trim().length >= 2 ? found.organizations : [];

  return (
    <div>
      {selected.length > 0 && (
        <Chips>
          {selected.map((id) => (
            <Tag key={id} size="large">
              <span>{names[id] ?? id}</span>
              <Tag.Close
                aria-label={t('audience.value.remove_organization', { name: names[id] ?? id })}
                onClick={() => onChange(selected.filter((s) => s !== id))}
              />
            </Tag>
          ))}
        </Chips>
      )}
      {(multiple || selected.length === 0) && (
        <Field>
          <Field.Label hidden>{label}</Field.Label>
          <Input
            value={text}
            placeholder={t('audience.value.organization_placeholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
      )}
      {results.length > 0 && (
        <Results aria-label={t('audience.value.organization_results')}>
          {results.map((organization) => (
            <li key={organization.id}>
              <Button size="small" isBasic onClick={() => add(organization)}>
                {organization.name}
              </Button>
            </li>
          ))}
        </Results>
      )}
    </div>
  );
}
