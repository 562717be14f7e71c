import { describe, expect, it } from 'vitest';
import {
  matchesSearch,
  parseSearchQuery,
  SearchSyntaxError,
  type SearchableType,
  type SearchContext,
} from '../../../sandbox/simulator/search-query.ts';

type JsonRecord = Record<string, unknown>;

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0); // 2026-11-23T09:00:00Z

const organizationNames = new Map([
  [1, 'Acme Inc'],
  [2, 'Globex'],
]);
const groupNames = new Map([
  [10, 'Support'],
  [11, 'Billing'],
]);
const people = new Map([
  [1, { name: 'Ann Lee', email: 'ann@acme.com' }],
  [2, { name: 'Bob Stone', email: 'bob@globex.org' }],
  [200, { name: 'Agent Smith', email: 'smith@ourdesk.com' }],
]);

const ctx: SearchContext = {
  now: NOW,
  userFields: [
    { key: 'plan', type: 'dropdown' },
    { key: 'seats', type: 'integer' },
    { key: 'score', type: 'decimal' },
    { key: 'renewal_date', type: 'date' },
    { key: 'vip', type: 'checkbox' },
    { key: 'product', type: 'text' },
    { key: 'interests', type: 'multiselect' },
    { key: 'account_manager', type: 'lookup' },
  ],
  organizationFields: [
    { key: 'tier', type: 'dropdown' },
    { key: 'region', type: 'textarea' },
  ],
  organizationName: (id) => organizationNames.get(id),
  groupName: (id) => groupNames.get(id),
  userName: (id) => people.get(id)?.name,
  userEmail: (id) => people.get(id)?.email,
};

const users: JsonRecord[] = [
  {
    id: 1,
    name: 'Ann Lee',
    email: 'ann@acme.com',
    role: 'end-user',
    tags: ['vip', 'renewal'],
    organization_id: 1,
    user_fields: {
      plan: 'platinum',
      seats: 12,
      score: 10.5,
      renewal_date: '2026-12-01T00:00:00Z',
      vip: true,
      product: 'Red widget deluxe',
      interests: ['hiking', 'chess'],
      account_manager: 200,
    },
    suspended: false,
    verified: true,
    external_id: 'EXT-1',
    phone: '+1 555 0100',
    notes: 'Prefers email',
    details: '',
    created_at: '2026-11-23T06:00:00Z', // 3 hours before NOW
    updated_at: '2026-11-23T06:00:00Z',
  },
  {
    id: 2,
    name: 'Bob Stone',
    email: 'bob@globex.org',
    role: 'end-user',
    tags: ['silver'],
    organization_id: 2,
    user_fields: {
      plan: 'gold',
      seats: 4,
      score: 15.3,
      renewal_date: '2027-01-15',
      vip: false,
      product: 'Blue gadget',
      interests: ['chess'],
    },
    suspended: true,
    verified: false,
    external_id: null,
    phone: null,
    notes: null,
    details: 'legacy foo:bar import',
    created_at: '2026-11-10T12:00:00Z',
    updated_at: '2026-11-20T12:00:00Z',
  },
  {
    id: 3,
    name: 'Cara Jones',
    email: null,
    role: 'agent',
    tags: [],
    organization_id: null,
    user_fields: { plan: null, seats: null, score: null, renewal_date: null, vip: null, product: null, interests: [] },
    suspended: false,
    verified: false,
    external_id: null,
    phone: null,
    notes: 'created 2025-01-01 by import',
    details: null,
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
  },
  {
    id: 4,
    name: 'Joanna Doe',
    email: 'jo@example.com',
    role: 'admin',
    tags: ['vip'],
    organization_id: 1,
    user_fields: {},
    suspended: false,
    verified: false,
    external_id: 'ext-4',
    phone: null,
    notes: null,
    details: null,
    created_at: '2024-06-30T23:59:59Z',
    updated_at: '2024-06-30T23:59:59Z',
  },
];

const organizations: JsonRecord[] = [
  {
    id: 1,
    name: 'Acme Inc',
    tags: ['enterprise'],
    external_id: 'ACME',
    domain_names: ['acme.com'],
    organization_fields: { tier: 'gold', region: 'North America East' },
    notes: 'key account',
    details: null,
    created_at: '2020-01-01T00:00:00Z',
  },
  {
    id: 2,
    name: 'Globex',
    tags: [],
    external_id: null,
    domain_names: [],
    organization_fields: { tier: 'silver', region: null },
    notes: null,
    details: null,
    created_at: '2026-11-20T00:00:00Z',
  },
];

const tickets: JsonRecord[] = [
  {
    id: 501,
    subject: 'Renewal notice',
    description: 'Your plan renews soon',
    status: 'new',
    priority: 'low',
    type: 'task',
    tags: ['pc_spring', 'vip'],
    requester_id: 1,
    assignee_id: null,
    group_id: 10,
    organization_id: 1,
    external_id: 'camp-1',
    created_at: '2026-11-23T08:00:00Z',
    updated_at: '2026-11-23T08:00:00Z',
    solved_at: null,
  },
  {
    id: 502,
    subject: 'Printer broken',
    description: 'It is on fire',
    status: 'open',
    priority: 'high',
    type: 'incident',
    tags: [],
    requester_id: 2,
    assignee_id: 200,
    group_id: null,
    organization_id: 2,
    external_id: null,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-22T10:00:00Z',
    solved_at: null,
  },
  {
    id: 503,
    subject: 'Billing question',
    description: 'Invoice missing?',
    status: 'solved',
    priority: 'urgent',
    type: 'question',
    tags: ['pc_spring'],
    requester_id: 1,
    assignee_id: 200,
    group_id: 11,
    organization_id: 1,
    external_id: null,
    created_at: '2026-10-01T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    solved_at: '2026-11-20T10:00:00Z', // 3 days before NOW
  },
  {
    id: 504,
    subject: 'Old one',
    description: 'Long gone',
    status: 'closed',
    priority: 'normal',
    type: null,
    tags: [],
    requester_id: 2,
    assignee_id: 200,
    group_id: 11,
    organization_id: 2,
    external_id: null,
    created_at: '2025-01-01T10:00:00Z',
    updated_at: '2025-02-05T10:00:00Z',
    solved_at: '2025-02-01T00:00:00Z',
  },
];

const groups: JsonRecord[] = [
  { id: 10, name: 'Support', created_at: '2020-01-01T00:00:00Z' },
  { id: 11, name: 'Billing', created_at: '2026-11-22T00:00:00Z' },
];

const recordsByType: Record<SearchableType, JsonRecord[]> = {
  user: users,
  organization: organizations,
  ticket: tickets,
  group: groups,
};

/** Ids of the records of one type that the query finds, as the search endpoint would list them. */
function find(query: string, type: SearchableType): unknown[] {
  const parsed = parseSearchQuery(query);
  return recordsByType[type].filter((r) => matchesSearch(parsed, type, r, ctx)).map((r) => r.id);
}

describe('parsing', () => {
  it('type:user restricts the search to users, and other types never match', () => {
    const parsed = parseSearchQuery('type:user tags:vip');
    expect(parsed.type).toBe('user');
    expect(find('type:user tags:vip', 'user')).toEqual([1, 4]);
    expect(find('type:user tags:vip', 'ticket')).toEqual([]);
  });

  it('without type: the same keyword finds every type that has it', () => {
    expect(parseSearchQuery('tags:vip').type).toBeUndefined();
    expect(find('tags:vip', 'user')).toEqual([1, 4]);
    expect(find('tags:vip', 'ticket')).toEqual([501]);
  });

  it('two type: clauses are OR, so no single type is set; -type: excludes one', () => {
    const parsed = parseSearchQuery('type:user type:group');
    expect(parsed.type).toBeUndefined();
    expect(find('type:user type:group', 'group')).toEqual([10, 11]);
    expect(find('type:user type:group', 'ticket')).toEqual([]);
    expect(find('-type:ticket billing', 'group')).toEqual([11]);
    expect(find('-type:ticket billing', 'ticket')).toEqual([]);
  });

  it('keywords and type are case-insensitive', () => {
    expect(parseSearchQuery('TYPE:User').type).toBe('user');
    expect(find('NAME:ANN Tags:VIP', 'user')).toEqual([1]);
  });

  it('refuses an unknown type', () => {
    expect(() => parseSearchQuery('type:customer')).toThrow(SearchSyntaxError);
  });

  it('allows 64 words and refuses 65, counting words inside quotes', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(() => parseSearchQuery(words(64))).not.toThrow();
    expect(() => parseSearchQuery(words(65))).toThrow(SearchSyntaxError);
    expect(() => parseSearchQuery(`tags:"${words(64)}" more`)).toThrow(/65 words/);
  });

  it('refuses an unclosed quote and a keyword with no value', () => {
    expect(() => parseSearchQuery('name:"Ann Lee')).toThrow(SearchSyntaxError);
    expect(() => parseSearchQuery('type:user name:')).toThrow(SearchSyntaxError);
  });

  it('takes order_by and sort out of the query for the endpoint', () => {
    const parsed = parseSearchQuery('type:ticket order_by:created sort:asc status:open');
    expect(parsed.orderBy).toBe('created');
    expect(parsed.sortOrder).toBe('asc');
    expect(find('type:ticket order_by:created sort:asc status:open', 'ticket')).toEqual([502]);
    expect(() => parseSearchQuery('sort:sideways')).toThrow(SearchSyntaxError);
  });
});

describe('spacing, plain words and phrases', () => {
  it('spaces around an operator make plain words: created < 2025-01-01 searches text', () => {
    expect(parseSearchQuery('created < 2025-01-01').terms.every((t) => t.keyword === undefined)).toBe(true);
    // Only Cara's notes contain "created" and "2025-01-01"; Joanna, created before 2025, does not match.
    expect(find('created < 2025-01-01', 'user')).toEqual([3]);
    expect(find('created<2025-01-01', 'user')).toEqual([4]);
  });

  it('plain words are ANDed across name, email, notes and details', () => {
    expect(find('ann lee', 'user')).toEqual([1]);
    expect(find('ann stone', 'user')).toEqual([]);
    expect(find('prefers', 'user')).toEqual([1]);
  });

  it('a quoted phrase needs its words in order; -"phrase" excludes it', () => {
    expect(find('"ann lee"', 'user')).toEqual([1]);
    expect(find('"lee ann"', 'user')).toEqual([]);
    expect(find('-"ann lee"', 'user')).toEqual([2, 3, 4]);
  });

  it('a bare domain finds users by email domain', () => {
    expect(find('type:user acme.com', 'user')).toEqual([1]);
    expect(find('type:user example.com', 'user')).toEqual([4]);
    expect(find('acme.com', 'organization')).toEqual([1]);
  });

  it('* is a wildcard only with a keyword', () => {
    expect(find('name:jo*', 'user')).toEqual([3, 4]); // Jones, Joanna
    expect(find('jo*', 'user')).toEqual([4]); // the word "jo" of jo@example.com, no prefix match
  });

  it('a lone - or punctuation word restricts nothing', () => {
    expect(find('ann -', 'user')).toEqual([1]);
  });

  it('an unknown keyword is searched as plain text, and repeating it does not make an OR', () => {
    expect(find('foo:bar', 'user')).toEqual([2]);
    expect(find('foo:bar foo:baz', 'user')).toEqual([]);
    expect(find('-foo:bar', 'user')).toEqual([1, 3, 4]);
    // role: is a user keyword; for organizations it is just the words "role admin".
    expect(find('role:admin', 'organization')).toEqual([]);
  });

  it('a bare ticket number finds the ticket', () => {
    expect(find('503', 'ticket')).toEqual([503]);
    expect(find('renewal', 'ticket')).toEqual([501]);
  });
});

describe('combining clauses', () => {
  it('the same keyword repeated is OR', () => {
    expect(find('tags:vip tags:silver', 'user')).toEqual([1, 2, 4]);
    expect(find('role:agent role:admin', 'user')).toEqual([3, 4]);
  });

  it('different keywords AND', () => {
    expect(find('tags:vip role:admin', 'user')).toEqual([4]);
    expect(find('tags:vip tags:silver role:end-user', 'user')).toEqual([1, 2]);
  });

  it('negations AND NOT, each on its own', () => {
    expect(find('tags:vip -tags:renewal', 'user')).toEqual([4]);
    expect(find('-tags:vip -tags:silver', 'user')).toEqual([3]);
  });

  it('tags in quotes must all be present', () => {
    expect(find('tags:"vip renewal"', 'user')).toEqual([1]);
    expect(find('tags:"vip silver"', 'user')).toEqual([]);
  });

  it('range operators on the same keyword AND (a range), not OR', () => {
    expect(find('created>2024-06-30 created<2026-01-01', 'user')).toEqual([3]);
    expect(find('seats>3 seats<10', 'user')).toEqual([2]);
  });
});

describe('none', () => {
  it('finds empty tags, organization, email, external_id and custom fields', () => {
    expect(find('tags:none', 'user')).toEqual([3]);
    expect(find('-tags:none', 'user')).toEqual([1, 2, 4]);
    expect(find('organization:none', 'user')).toEqual([3]);
    expect(find('email:none', 'user')).toEqual([3]);
    expect(find('external_id:none', 'user')).toEqual([2, 3]);
    expect(find('plan:none', 'user')).toEqual([3, 4]);
    expect(find('region:none', 'organization')).toEqual([2]);
  });
});

describe('user keywords', () => {
  it('name matches words and quoted phrases', () => {
    expect(find('name:ann', 'user')).toEqual([1]);
    expect(find('name:"ann lee"', 'user')).toEqual([1]);
    expect(find('name:"lee ann"', 'user')).toEqual([]);
  });

  it('email is exact and takes no wildcards', () => {
    expect(find('email:ANN@ACME.COM', 'user')).toEqual([1]);
    expect(find('email:ann@*', 'user')).toEqual([]);
    expect(find('email:acme.com', 'user')).toEqual([]);
  });

  it('role, is_verified, is_suspended', () => {
    expect(find('role:end-user', 'user')).toEqual([1, 2]);
    expect(find('is_suspended:true', 'user')).toEqual([2]);
    expect(find('is_suspended:false', 'user')).toEqual([1, 3, 4]);
    expect(find('is_verified:true', 'user')).toEqual([1]);
    expect(find('is_verified:maybe', 'user')).toEqual([]);
  });

  it('organization by whole name or id, with wildcards', () => {
    expect(find('organization:"Acme Inc"', 'user')).toEqual([1, 4]);
    expect(find('organization:2', 'user')).toEqual([2]);
    expect(find('organization:acme*', 'user')).toEqual([1, 4]);
    expect(find('organization:acme', 'user')).toEqual([]);
  });

  it('a multi-org user matches any of its organizations', () => {
    const multi = { id: 9, name: 'Multi', organization_id: 1, organization_ids: [1, 2] };
    expect(matchesSearch(parseSearchQuery('organization:globex'), 'user', multi, ctx)).toBe(true);
  });

  it('tags with a wildcard, external_id case-insensitive, phone as a quoted value, notes by word', () => {
    expect(find('tags:ren*', 'user')).toEqual([1]);
    expect(find('external_id:ext-1', 'user')).toEqual([1]);
    expect(find('external_id:EXT-*', 'user')).toEqual([1, 4]);
    expect(find('phone:"+1 555 0100"', 'user')).toEqual([1]);
    expect(find('notes:email', 'user')).toEqual([1]);
    expect(find('details:legacy', 'user')).toEqual([2]);
  });

  it('user: is a shortcut for id, name or email', () => {
    expect(find('user:ann@acme.com', 'user')).toEqual([1]);
    expect(find('user:bob', 'user')).toEqual([2]);
    expect(find('user:4', 'user')).toEqual([4]);
  });

  it('group: is not modelled for users and matches nothing', () => {
    expect(find('group:support', 'user')).toEqual([]);
    expect(find('-group:support', 'user')).toEqual([1, 2, 3, 4]);
  });

  it('updated compares updated_at', () => {
    expect(find('updated>=2026-11-20', 'user')).toEqual([1, 2]);
  });
});

describe('dates', () => {
  it('relative: > is within the last N, < is older than N', () => {
    expect(find('created>4hours', 'user')).toEqual([1]);
    expect(find('created<4hours', 'user')).toEqual([2, 3, 4]);
    expect(find('created>30days', 'user')).toEqual([1, 2]);
    expect(find('created>2weeks', 'user')).toEqual([1, 2]);
    expect(find('created>1week', 'user')).toEqual([1]);
    expect(find('created>180minutes', 'user')).toEqual([]); // exactly 3 hours ago is not after the cut
    expect(find('created>=180minutes', 'user')).toEqual([1]);
  });

  it('relative months and years step the calendar', () => {
    expect(find('created>1years', 'user')).toEqual([1, 2]);
    expect(find('created>2years', 'user')).toEqual([1, 2, 3]);
    expect(find('created>23months', 'user')).toEqual([1, 2, 3]);
    expect(find('created>29months', 'user')).toEqual([1, 2, 3, 4]);
  });

  it('YYYY-MM-DD compares whole days', () => {
    expect(find('created>=2026-11-10', 'user')).toEqual([1, 2]);
    expect(find('created>2026-11-10', 'user')).toEqual([1]);
    expect(find('created:2026-11-10', 'user')).toEqual([2]);
    expect(find('created<=2024-06-30', 'user')).toEqual([4]);
  });

  it('ISO date-times compare instants, with offsets', () => {
    expect(find('created<2024-07-01T00:00:00Z', 'user')).toEqual([4]);
    // 23:00 at -08:00 is 07:00 UTC the next day: Joanna (23:59:59 UTC on the 30th) is before it.
    expect(find('created>2024-06-30T23:00:00-08:00', 'user')).toEqual([1, 2, 3]);
    expect(find('created>2024-06-30T23:00:00Z', 'user')).toEqual([1, 2, 3, 4]);
  });

  it('a value that is not a date matches nothing', () => {
    expect(find('created>tomorrow', 'user')).toEqual([]);
    expect(find('created>2026-02-30', 'user')).toEqual([]);
  });
});

describe('custom user fields', () => {
  it('drop-down matches the option value; repeated is OR; negation excludes', () => {
    expect(find('plan:platinum', 'user')).toEqual([1]);
    expect(find('plan:PLATINUM plan:gold', 'user')).toEqual([1, 2]);
    expect(find('-plan:gold', 'user')).toEqual([1, 3, 4]);
  });

  it('integer takes every operator', () => {
    expect(find('seats>4', 'user')).toEqual([1]);
    expect(find('seats>=4', 'user')).toEqual([1, 2]);
    expect(find('seats:4', 'user')).toEqual([2]);
    expect(find('seats<12', 'user')).toEqual([2]);
    expect(find('seats<=12', 'user')).toEqual([1, 2]);
    expect(find('seats>4 seats<10', 'user')).toEqual([]);
    expect(find('seats>many', 'user')).toEqual([]);
  });

  it('decimal takes every operator', () => {
    expect(find('score>10.1 score<15.3', 'user')).toEqual([1]);
    expect(find('score<=15.3', 'user')).toEqual([1, 2]);
    expect(find('score:15.3', 'user')).toEqual([2]);
  });

  it('date compares YYYY-MM-DD on the first 10 characters of the stored value', () => {
    expect(find('renewal_date<2027-01-01', 'user')).toEqual([1]);
    expect(find('renewal_date>=2027-01-15', 'user')).toEqual([2]);
    expect(find('renewal_date:2026-12-01', 'user')).toEqual([1]);
    expect(find('renewal_date>2026-11-01 renewal_date<2027-02-01', 'user')).toEqual([1, 2]);
  });

  it('relative dates on custom date fields are unverified and match nothing', () => {
    expect(find('renewal_date<90days', 'user')).toEqual([]);
    expect(find('renewal_date>90days', 'user')).toEqual([]);
  });

  it('checkbox: true / false, an unset checkbox is unchecked', () => {
    expect(find('vip:true', 'user')).toEqual([1]);
    expect(find('vip:false', 'user')).toEqual([2, 3, 4]);
  });

  it('text matches words and phrases, and has no comparisons', () => {
    expect(find('product:widget', 'user')).toEqual([1]);
    expect(find('product:"red widget"', 'user')).toEqual([1]);
    expect(find('product:"widget red"', 'user')).toEqual([]);
    expect(find('product>a', 'user')).toEqual([]);
  });

  it('multiselect matches any selected option', () => {
    expect(find('interests:chess', 'user')).toEqual([1, 2]);
    expect(find('interests:hiking', 'user')).toEqual([1]);
    expect(find('interests:hiking interests:chess', 'user')).toEqual([1, 2]);
    expect(find('interests:none', 'user')).toEqual([3, 4]);
  });

  it('lookup fields are not searchable', () => {
    expect(find('account_manager:200', 'user')).toEqual([]);
  });

  it('user field keys are not organization keywords', () => {
    expect(find('plan:gold', 'organization')).toEqual([]);
  });
});

describe('organization keywords', () => {
  it('name, tags, external_id, notes, created and custom fields', () => {
    expect(find('type:organization name:acme', 'organization')).toEqual([1]);
    expect(find('tags:enterprise', 'organization')).toEqual([1]);
    expect(find('tags:none', 'organization')).toEqual([2]);
    expect(find('external_id:acme', 'organization')).toEqual([1]);
    expect(find('notes:account', 'organization')).toEqual([1]);
    expect(find('created>7days', 'organization')).toEqual([2]);
    expect(find('tier:gold', 'organization')).toEqual([1]);
    expect(find('tier:gold tier:silver', 'organization')).toEqual([1, 2]);
    expect(find('region:"america east"', 'organization')).toEqual([1]);
  });
});

describe('ticket keywords', () => {
  it('status with ordering new < open < pending < hold < solved < closed', () => {
    expect(find('status<solved', 'ticket')).toEqual([501, 502]);
    expect(find('status<=pending', 'ticket')).toEqual([501, 502]);
    expect(find('status>=solved', 'ticket')).toEqual([503, 504]);
    expect(find('status>hold', 'ticket')).toEqual([503, 504]);
    expect(find('status:open status:new', 'ticket')).toEqual([501, 502]);
    expect(find('-status:closed', 'ticket')).toEqual([501, 502, 503]);
    expect(find('status<bogus', 'ticket')).toEqual([]);
  });

  it('priority with ordering low < normal < high < urgent', () => {
    expect(find('priority>normal', 'ticket')).toEqual([502, 503]);
    expect(find('priority<high', 'ticket')).toEqual([501, 504]);
    expect(find('priority:urgent', 'ticket')).toEqual([503]);
  });

  it('ticket_type is the ticket type; type: stays the object type', () => {
    expect(find('type:ticket ticket_type:incident', 'ticket')).toEqual([502]);
    expect(find('ticket_type:none', 'ticket')).toEqual([504]);
  });

  it('requester and assignee by id, whole name or email; assignee:none', () => {
    expect(find('requester:1', 'ticket')).toEqual([501, 503]);
    expect(find('requester:"Ann Lee"', 'ticket')).toEqual([501, 503]);
    expect(find('requester:bob@globex.org', 'ticket')).toEqual([502, 504]);
    expect(find('requester:ann', 'ticket')).toEqual([]);
    expect(find('assignee:none', 'ticket')).toEqual([501]);
    expect(find('assignee:"agent smith"', 'ticket')).toEqual([502, 503, 504]);
  });

  it('group and organization by name or id, and none', () => {
    expect(find('group:support', 'ticket')).toEqual([501]);
    expect(find('group:11', 'ticket')).toEqual([503, 504]);
    expect(find('group:none', 'ticket')).toEqual([502]);
    expect(find('organization:globex', 'ticket')).toEqual([502, 504]);
  });

  it('created, updated and solved (from solved_at)', () => {
    expect(find('created>1days', 'ticket')).toEqual([501]);
    expect(find('updated<2026-01-01', 'ticket')).toEqual([504]);
    expect(find('solved>7days', 'ticket')).toEqual([503]);
    expect(find('solved<7days', 'ticket')).toEqual([504]);
    expect(find('solved:none', 'ticket')).toEqual([501, 502]);
  });

  it('subject, description, tags and external_id', () => {
    expect(find('subject:printer', 'ticket')).toEqual([502]);
    expect(find('description:fire', 'ticket')).toEqual([502]);
    expect(find('tags:pc_spring', 'ticket')).toEqual([501, 503]);
    expect(find('tags:pc_spring -status:solved', 'ticket')).toEqual([501]);
    expect(find('external_id:camp-1', 'ticket')).toEqual([501]);
  });

  it('user keywords mean plain text on tickets', () => {
    expect(find('role:admin', 'ticket')).toEqual([]);
  });
});

describe('group keywords', () => {
  it('name and created', () => {
    expect(find('type:group name:support', 'group')).toEqual([10]);
    expect(find('type:group created>7days', 'group')).toEqual([11]);
    expect(find('billing', 'group')).toEqual([11]);
  });
});

describe('odd keywords', () => {
  it('a keyword named like an Object property is not a built-in', () => {
    expect(find('constructor:x', 'user')).toEqual([]);
    expect(find('-constructor:x', 'user')).toEqual([1, 2, 3, 4]);
  });
});
