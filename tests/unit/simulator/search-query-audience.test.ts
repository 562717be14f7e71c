/** The search engine's audience rules on hand-made records: identities, memberships, domains, non-keywords. */
import { describe, expect, it } from 'vitest';
import { matchesSearch, parseSearchQuery, type SearchContext } from '../../../sandbox/simulator/search-query.ts';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const secondary = new Map([[1, ['ann.private@mail.example']]]);
const memberships = new Map([
  [1, [10, 20]],
  [2, [20]],
]);
const base: SearchContext = {
  now: NOW,
  userFields: [],
  organizationFields: [],
  organizationName: (id) => ({ 10: 'Acme Inc', 20: 'Globex' })[id],
  groupName: () => undefined,
  userName: () => undefined,
};
const withDirectory: SearchContext = {
  ...base,
  emailsOf: (id) => secondary.get(id) ?? [],
  organizationIdsOf: (id) => memberships.get(id) ?? [],
};
const withMembers: SearchContext = {
  ...withDirectory,
  membersOf: (org) => new Set([...memberships].filter(([, orgs]) => orgs.includes(org)).map(([user]) => user)),
};

const users = [
  { id: 1, name: 'Ann Lee', email: 'ann@acme-corp.example.com', organization_id: 10, locale: 'ko', time_zone: 'Seoul' },
  {
    id: 2,
    name: 'Bob Stone',
    email: 'bob@sub.acme-corp.example.com',
    organization_id: null,
    locale: 'ja',
    time_zone: 'Tokyo',
  },
  { id: 3, name: 'Cy Acme', email: null, organization_id: null, locale: 'en-US', time_zone: 'London' },
];
const find = (query: string, ctx: SearchContext) =>
  users.filter((u) => matchesSearch(parseSearchQuery(query), 'user', u, ctx)).map((u) => u.id);

describe('audience rules of the search engine', () => {
  it('email: matches secondary identities when the context knows them', () => {
    expect(find('email:ann.private@mail.example', base)).toEqual([]);
    expect(find('email:ann.private@mail.example', withDirectory)).toEqual([1]);
    expect(find('email:ANN@ACME-CORP.EXAMPLE.COM email:bob@sub.acme-corp.example.com', base)).toEqual([1, 2]);
    expect(find('email:none', withDirectory)).toEqual([3]);
  });

  it('a bare domain is that exact domain of any address, or the phrase in a name', () => {
    expect(find('acme-corp.example.com', base)).toEqual([1]);
    expect(find('sub.acme-corp.example.com', base)).toEqual([2]);
    expect(find('mail.example', withDirectory)).toEqual([1]);
    expect(find('-acme-corp.example.com', base)).toEqual([2, 3]);
    expect(find('acme', base)).toEqual([1, 2, 3]); // words of the addresses and of the name
  });

  it('organization:<id> counts memberships, with or without the members index, alike', () => {
    for (const ctx of [withDirectory, withMembers]) {
      expect(find('organization:20', ctx)).toEqual([1, 2]);
      expect(find('organization:10 organization:20', ctx)).toEqual([1, 2]);
      expect(find('-organization:20', ctx)).toEqual([3]);
      expect(find('organization:Globex', ctx)).toEqual([1, 2]);
      expect(find('organization:none', ctx)).toEqual([3]);
    }
    expect(find('organization:20', base)).toEqual([]);
  });

  it('locale: and time_zone: are not keywords: they match nobody', () => {
    for (const query of ['locale:ko', 'locale:ja', 'time_zone:Tokyo', 'time_zone:Seoul', 'locale:en-US'])
      expect(find(query, withDirectory), query).toEqual([]);
  });
});
