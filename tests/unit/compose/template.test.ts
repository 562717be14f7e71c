/**
 * Ticket text with placeholders, rendered per customer (CampaignTemplate): what each placeholder
 * shows for a customer in their own language, what is reported before sending (unknown
 * placeholders, syntax, unsupported tags, empty values), and that customer data can never turn
 * into markup or into a placeholder Zendesk would fill in.
 */
import { describe, expect, it } from 'vitest';
import { nameParts, usableLocale } from '../../../src/domain/compose/customer-values.ts';
import { customer, organization, template } from '../../support/compose-fixture.ts';

const body = (text: string, user = customer(), org: ReturnType<typeof organization> | null = organization()) =>
  template('Subject', text).render(user, org).bodyText;

describe('built-in placeholders', () => {
  it('fills in the customer’s name, first and last name, email and organization', () => {
    const text = body('{{user.name}}|{{user.first_name}}|{{user.last_name}}|{{user.email}}|{{organization.name}}');
    expect(text).toBe('Ana Silva|Ana|Silva|ana.silva@example.com|Acme Widgets Ltd');
  });

  it('leaves the organization empty for a customer with none', () => {
    expect(body('[{{organization.name}}]', customer(), null)).toBe('[]');
  });

  it('passes {{ticket.id}} through for Zendesk to fill in, in the body only', () => {
    const rendered = template('Ref {{user.name}}', 'Ticket {{ticket.id}} at {{ticket.url}}').render(customer(), null);
    expect(rendered.bodyText).toBe('Ticket {{ticket.id}} at {{ticket.url}}');
    expect(rendered.bodyHtml).toBe('<p>Ticket {{ticket.id}} at {{ticket.url}}</p>');
    const inSubject = template('Ticket {{ticket.id}}', 'Hi').problems;
    expect(inSubject).toEqual([
      { part: 'subject', locale: null, problem: { kind: 'unknown_placeholder', path: 'ticket.id' } },
    ]);
  });
});

describe('first and last names', () => {
  it.each([
    ['Ana Maria Silva', 'en-US', 'Ana', 'Maria Silva'],
    ['Madonna', 'en-US', 'Madonna', ''],
    ['佐藤 花子', 'ja', '花子', '佐藤'],
    ['김 민준', 'ko', '민준', '김'],
    // Written without a space, a Korean name stays whole: no guessing where the family name ends.
    ['김민준', 'ko', '김민준', ''],
    ['  Bo   Kim  ', 'en-GB', 'Bo', 'Kim'],
  ])('%s (%s): first “%s”, last “%s”', (name, locale, first, last) => {
    expect(nameParts(name, locale)).toEqual({ first, last });
    expect(body('{{user.first_name}}/{{user.last_name}}', customer({ name, locale }))).toBe(`${first}/${last}`);
  });
});

describe('custom fields by key, formatted for the customer', () => {
  const fields = {
    plan_renewal_date: '2027-01-05T00:00:00Z',
    average_annual_spend: 12345.5,
    seats: 1200,
    service_level: 'gold',
    product_interests: ['analytics', 'mobile_app'],
    newsletter_opt_in: true,
    account_manager_notes: 'Prefers email',
  };
  const org = organization({
    organization_fields: {
      account_type: 'partner',
      monthly_spend: 2500.75,
      reference_customer: false,
      contract: '1_year',
    },
  });
  const text =
    '{{user.user_fields.plan_renewal_date}}|{{user.user_fields.average_annual_spend}}|{{user.user_fields.seats}}|' +
    '{{user.user_fields.service_level}}|{{user.user_fields.product_interests}}|{{user.user_fields.newsletter_opt_in}}|' +
    '{{user.user_fields.account_manager_notes}}|{{organization.organization_fields.account_type}}|' +
    '{{organization.organization_fields.monthly_spend}}|{{organization.organization_fields.reference_customer}}|' +
    '{{organization.organization_fields.contract}}';

  it.each([
    ['en-US', 'January 5, 2027|12,345.5|1,200|Gold|Analytics, Mobile app|Yes|Prefers email|Partner|2,500.75|No|1 year'],
    ['ko', '2027년 1월 5일|12,345.5|1,200|Gold|Analytics, Mobile app|예|Prefers email|Partner|2,500.75|아니요|1 year'],
    ['ja', '2027年1月5日|12,345.5|1,200|Gold|Analytics, Mobile app|はい|Prefers email|Partner|2,500.75|いいえ|1 year'],
    ['de', '5. Januar 2027|12.345,5|1.200|Gold|Analytics, Mobile app|Yes|Prefers email|Partner|2.500,75|No|1 year'],
    // A locale Intl does not know, or none, reads as English.
    [
      'not a locale!',
      'January 5, 2027|12,345.5|1,200|Gold|Analytics, Mobile app|Yes|Prefers email|Partner|2,500.75|No|1 year',
    ],
    ['', 'January 5, 2027|12,345.5|1,200|Gold|Analytics, Mobile app|Yes|Prefers email|Partner|2,500.75|No|1 year'],
  ])('in %s', (locale, expected) => {
    expect(body(text, customer({ locale, user_fields: fields }), org)).toBe(expected);
  });

  it('falls back to English for a missing or invalid locale', () => {
    expect(usableLocale(undefined)).toBe('en');
    expect(usableLocale('')).toBe('en');
    expect(usableLocale('not a locale!')).toBe('en');
    expect(usableLocale('ko-KR')).toBe('ko-KR');
  });

  it('shows an unchecked checkbox as “no” and an unset one the same way', () => {
    const t = '{{user.user_fields.newsletter_opt_in}}';
    expect(body(t, customer({ user_fields: { newsletter_opt_in: false } }))).toBe('No');
  });

  it('uses the fallback when a value is empty, and the value when it is not', () => {
    const t = 'Hi {{user.first_name | default: "there"}}, seats: {{user.user_fields.seats | default: \'some\'}}';
    expect(body(t, customer({ name: '', user_fields: { seats: null } }))).toBe('Hi there, seats: some');
    expect(body(t, customer({ user_fields: { seats: 5 } }))).toBe('Hi Ana, seats: 5');
  });

  it('renders {% if %} on a value', () => {
    const t = '{% if organization.name %}at {{organization.name}}{% else %}on your own{% endif %}';
    expect(body(t)).toBe('at Acme Widgets Ltd');
    expect(body(t, customer(), null)).toBe('on your own');
  });
  it('leaves out text guarded by {% if %} on a custom field the customer has no value in', () => {
    const t =
      'Hi.{% if user.user_fields.account_manager_notes %} Your manager noted: {{user.user_fields.account_manager_notes}}{% endif %}';
    expect(body(t, customer({ user_fields: { account_manager_notes: null } }))).toBe('Hi.');
    expect(body(t, customer({ user_fields: { account_manager_notes: 'Call first' } }))).toBe(
      'Hi. Your manager noted: Call first',
    );
  });
});

describe('problems reported before sending', () => {
  it('names unknown placeholders, including inactive and misspelled fields', () => {
    const t = template(
      'Hi {{user.nickname}}',
      '{{user.user_fields.legacy_segment}} {{user.user_fields.seat}} {{organization.organization_fields.account_type}}',
    );
    expect(t.problems.map((p) => [p.part, p.problem])).toEqual([
      ['subject', { kind: 'unknown_placeholder', path: 'user.nickname' }],
      ['body', { kind: 'unknown_placeholder', path: 'user.user_fields.legacy_segment' }],
      ['body', { kind: 'unknown_placeholder', path: 'user.user_fields.seat' }],
    ]);
  });

  it('still shows the rest of the text with an unknown placeholder left blank', () => {
    expect(body('Hello {{user.nickname}}{{user.first_name}}!')).toBe('Hello Ana!');
  });

  it.each([
    ['Hi {{user.name', { issue: 'unclosed_output', snippet: '{{user.name' }],
    ['Hi {% if user.name %}there', { issue: 'unclosed_tag', snippet: '{% if user.name %}' }],
    ['Hi {{ user.name | shout }}', { issue: 'unknown_filter', snippet: 'shout' }],
    ['Hi {{ }}', { issue: 'empty_output', snippet: '' }],
    ['Hi{% endif %}', { issue: 'unexpected_end', snippet: '{% endif %}' }],
  ])('tells apart what is wrong with the braces: %s', (body, expected) => {
    expect(template('Subject', body).problems[0]?.problem).toMatchObject({ kind: 'syntax', line: 1, ...expected });
  });

  it('keeps a long unclosed placeholder short in the message', () => {
    const problem = template('Subject', `Hi {{ user.name | default: "${'x'.repeat(80)}`).problems[0]?.problem;
    expect(problem && 'snippet' in problem ? problem.snippet.length : 0).toBeLessThanOrEqual(40);
  });

  it('an unknown tag is an unsupported tag, not a syntax error', () => {
    expect(template('Subject', 'Hi {% shout %}').problems[0]?.problem).toEqual({
      kind: 'unsupported_tag',
      name: 'shout',
    });
  });

  it('reports a syntax error with its line, and renders nothing for it', () => {
    const t = template('Subject', 'Line one\nLine two {{ user.name \nLine three');
    const [problem] = t.problems;
    expect(problem?.part).toBe('body');
    expect(problem?.problem).toMatchObject({ kind: 'syntax', line: 2 });
    expect(t.render(customer(), null).bodyText).toBe('');
    const unclosed = template('Subject', 'One\n{% if user.name %}\nno end').problems[0]?.problem;
    expect(unclosed).toMatchObject({ kind: 'syntax' });
    expect(unclosed && 'line' in unclosed ? unclosed.line : null).toBe(2);
  });

  it.each([
    ['render', "{% render 'snippet' %}"],
    ['include', "{% include 'snippet' %}"],
    ['assign', '{% assign x = user.email %}{{x}}'],
    ['for', '{% for i in (1..3) %}x{% endfor %}'],
  ])('refuses {%% %s %%}, which campaign tickets do not support', (name, source) => {
    const t = template('Subject', `Hi ${source}`);
    expect(t.problems.map((p) => p.problem)).toContainEqual({ kind: 'unsupported_tag', name });
    expect(t.render(customer(), null).bodyText).toBe('');
  });
});

describe('translations', () => {
  const t = template('Your renewal', 'Hi {{user.first_name}}', [
    { locale: 'ko', subject: '갱신 안내', body: '{{user.first_name}}님 안녕하세요' },
    { locale: 'pt-BR', subject: 'Sua renovação', body: 'Olá {{user.first_name}}' },
  ]);

  it('gives a customer the translation of their language (ko covers ko-KR)', () => {
    for (const locale of ['ko', 'ko-KR', 'KO-kr']) {
      const rendered = t.render(customer({ name: '김 민준', locale }), null);
      expect([rendered.variant, rendered.subject, rendered.bodyText]).toEqual(['ko', '갱신 안내', '민준님 안녕하세요']);
    }
  });

  it('matches a regional translation only for that region, else the default text', () => {
    expect(t.render(customer({ locale: 'pt-BR' }), null).subject).toBe('Sua renovação');
    expect(t.render(customer({ locale: 'pt-PT' }), null).subject).toBe('Your renewal');
    expect(t.render(customer({ locale: 'ja' }), null)).toMatchObject({ variant: null, subject: 'Your renewal' });
  });

  it('reports problems per translation', () => {
    const broken = template('Ok', 'Ok', [{ locale: 'ja', subject: '{{user.nick}}', body: 'ok' }]);
    expect(broken.problems).toEqual([
      { part: 'subject', locale: 'ja', problem: { kind: 'unknown_placeholder', path: 'user.nick' } },
    ]);
  });
});

describe('empty placeholders', () => {
  const t = template(
    'About {{user.user_fields.service_level}}',
    'Hi {{user.first_name | default: "there"}} ({{ticket.id}}).\n' +
      'Code: {{user.user_fields.customer_code}} at {{organization.name}}.\n' +
      '{% if user.user_fields.account_manager_notes %}We have notes.{% endif %}',
  );

  it('lists what is shown empty, not the passthrough, not a fallback, not a value only tested by {% if %}', () => {
    const user = customer({ name: '', user_fields: { service_level: null, customer_code: null } });
    expect(t.render(user, null).emptyPlaceholders.sort()).toEqual([
      'organization.name',
      'user.user_fields.customer_code',
      'user.user_fields.service_level',
    ]);
  });

  it('lists nothing for a customer with every value', () => {
    const user = customer({ user_fields: { service_level: 'gold', customer_code: 'C-10001' } });
    expect(t.render(user, organization()).emptyPlaceholders).toEqual([]);
  });

  it('counts whitespace-only values as empty', () => {
    const user = customer({ user_fields: { service_level: 'gold', customer_code: '   ' } });
    expect(t.render(user, organization()).emptyPlaceholders).toEqual(['user.user_fields.customer_code']);
  });
});

describe('hostile customer values', () => {
  const t = template(
    'Hello {{user.name}} {{organization.name}}',
    'Dear {{user.name}},\n\nNotes: {{user.user_fields.account_manager_notes}}\nCompany: {{organization.name}}\nRef {{ticket.id}}',
  );
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '{{current_user.email}}',
    '{% raw %}{{ticket.requester.email}}{% endraw %}',
    '\u{E000}ticket.id\u{E001}',
    '\u202Egnp.exe\u202C مرحبا بكم',
    'x'.repeat(100 * 1024),
  ];

  it.each(
    hostile.map((value) => [value.length > 60 ? `${value.slice(0, 20)}… (${value.length} chars)` : value, value]),
  )('%s stays text in the subject and body', (_label, value) => {
    const rendered = t.render(
      customer({ name: value, user_fields: { account_manager_notes: value } }),
      organization({ name: value }),
    );
    const html = rendered.bodyHtml;
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html.toLowerCase()).not.toContain('<img');
    // The only placeholder Zendesk will see is the one the agent wrote, once.
    expect(html.split('{{ticket.id}}')).toHaveLength(2);
    expect(html.replace('{{ticket.id}}', '')).not.toMatch(/\{\{|\{%|\}\}|%\}/);
    expect(rendered.subject).not.toContain('{{');
    expect(rendered.subject).not.toContain('}}');
    expect(rendered.bodyText.split('{{ticket.id}}')).toHaveLength(2);
    // What the customer reads is their value as written (our private markers aside).
    const readable = value.replace(/[\u{E000}\u{E001}]/gu, '');
    expect(rendered.bodyText).toContain(`Dear ${readable},`);
    expect(rendered.bodyText).toContain(`Notes: ${readable}`);
    expect(rendered.subject.replace(/\u200B/g, '')).toBe(`Hello ${readable} ${readable}`.replace(/\s+/g, ' ').trim());
  });

  it('writes markup characters as references in the HTML', () => {
    const html = t.render(customer({ name: '<b>"Bo" & \'Al\'</b>' }), null).bodyHtml;
    expect(html).toContain('Dear &lt;b&gt;&quot;Bo&quot; &amp; &#39;Al&#39;&lt;/b&gt;,');
  });
});
