import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, DEMO_IDENTITIES, type Simulator } from '../../sandbox/simulator/index.ts';
import { simulatorHandlers } from '../../sandbox/simulator/msw.ts';
import { newDraft, type TicketDraft } from '../../src/domain/campaign/draft.ts';
import { MAX_TAG_LENGTH } from '../../src/domain/campaign/tags.ts';
import { DraftStore, memorySendLock, memoryStore, type KeyValueStore } from '../../src/storage/index.ts';
import { App } from '../../src/ui/App.tsx';
import { connectToZendesk, type ZendeskSession } from '../../src/zaf/connect.ts';
import { SupportApiClient } from '../../src/zendesk/client.ts';
import en from '../../translations/en.json';
import ja from '../../translations/ja.json';
import ko from '../../translations/ko.json';
import { DEMO_ORIGIN, fakeZafClient } from './fake-zaf-client.ts';
import { instantClock, simulatorCount } from './simulator-support.ts';

/**
 * Every bad input of SPEC.md's "Bad input and failure" that the campaign flow has, in English,
 * Korean and Japanese: the agent gets the message from translations/ next to the field (its
 * accessible description) or in the step's alert, never English in Korean or Japanese, and the
 * draft is still there after a reload (the app mounted again over the same browser storage).
 */

// ---------------------------------------------------------------- the account and the browser

const clock = instantClock();
// A generous per-minute limit: the suite opens the app 150 times in one virtual minute.
const sim: Simulator = createSimulator({ seed: 3, users: 60, clock, searchIndexLagMs: 0, rpm: 1_000_000 });
const server = setupServer(...simulatorHandlers(sim, DEMO_ORIGIN));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Who = 'admin' | 'agent';

function staff(who: Who) {
  const user = sim.account.usersByEmail.get(DEMO_IDENTITIES[who]);
  if (!user) throw new Error(`no ${who} in the demo account`);
  return user;
}

/** End-users who can get a campaign ticket (not suspended, with an email), from the simulator. */
function reachableEmails(count: number): string[] {
  return sim.account.users
    .filter((u) => u.role === 'end-user' && u.active && !u.suspended && u.email)
    .slice(0, count)
    .map((u) => u.email ?? '');
}

// ---------------------------------------------------------------- translations, read from the files

const LANGUAGES = [
  { zendeskLocale: 'en-US', lang: 'en' },
  { zendeskLocale: 'ko', lang: 'ko' },
  { zendeskLocale: 'ja', lang: 'ja' },
] as const;
type Lang = (typeof LANGUAGES)[number]['lang'];
const FILES: Record<Lang, unknown> = { en, ko, ja };

type Vars = Readonly<Record<string, string>>;

/** A message as translations/<lang>.json has it under `key`, with its placeholders filled. */
function message(lang: Lang, key: string, vars: Vars = {}): string {
  let node: unknown = FILES[lang];
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`translations/${lang}.json has no "${key}"`);
  return node.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`"${key}" needs a value for {{${name}}} in this test`);
    return value;
  });
}

/** Latin words allowed in Korean and Japanese text: names of products and formats, and Liquid. */
const NOT_ENGLISH = new Set([
  'Zendesk',
  'CSV',
  'Excel',
  'ID',
  'MB',
  'email',
  'default',
  'if',
  'endif',
  'unless',
  'case',
]);

/**
 * English words left in a Korean or Japanese text, once what the agent typed, the values filled
 * in (tags, placeholders, counts) and placeholder code are taken out.
 */
function englishWords(text: string, values: readonly string[]): string[] {
  let rest = text;
  for (const value of [...values].sort((a, b) => b.length - a.length)) if (value) rest = rest.split(value).join(' ');
  rest = rest.replace(/\{\{.*?\}\}|\{%.*?%\}/g, ' ');
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !NOT_ENGLISH.has(word));
}

// ---------------------------------------------------------------- the app, opened as a person would

interface Visit {
  lang: Lang;
  user: ReturnType<typeof userEvent.setup>;
  /** Words of the app in this language (labels, buttons), from translations/. */
  words: (key: string, vars?: Vars) => string;
  number: (n: number) => string;
  storage: KeyValueStore;
}

const STEP_NUMBER = { audience: 1, compose: 2, preview: 3, send: 4 } as const;
type Step = keyof typeof STEP_NUMBER;

function open(visit: Visit, who: Who, zendeskLocale: string, settings: Record<string, unknown> = {}) {
  const staffMember = staff(who);
  const fake = fakeZafClient({
    currentUser: {
      id: staffMember.id,
      name: staffMember.name,
      email: staffMember.email,
      role: staffMember.role,
      locale: zendeskLocale,
      timeZone: { ianaName: 'Europe/London' },
    },
    settings,
  });
  const createServices = (session: ZendeskSession) => ({
    api: new SupportApiClient({ transport: session.transport, clock, scheduler: { maxAttempts: 2 } }),
    storage: visit.storage,
    lock: memorySendLock(),
    now: () => clock.now(),
    newId: () => 'draft-1',
  });
  render(<App connect={() => connectToZendesk({ init: () => fake.client })} createServices={createServices} />);
}

/** A reload: the page is hidden (the store writes the draft at once), then the app starts again. */
function reload(visit: Visit, who: Who, zendeskLocale: string, settings?: Record<string, unknown>) {
  window.dispatchEvent(new Event('pagehide'));
  cleanup();
  open(visit, who, zendeskLocale, settings);
}

async function goTo(visit: Visit, step: Step) {
  const name = `${STEP_NUMBER[step]}. ${visit.words(`steps.${step}`)}`;
  await visit.user.click(await screen.findByRole('button', { name }, { timeout: 10_000 }));
}

/** A form field found by its label, once the step has loaded it. */
function field(visit: Visit, labelKey: string, vars?: Vars): Promise<HTMLElement> {
  return screen.findByLabelText(visit.words(labelKey, vars), {}, { timeout: 10_000 });
}

/** Replaces a text field's content, as typing or pasting would. */
async function fill(visit: Visit, labelKey: string, text: string) {
  const input = await field(visit, labelKey);
  await visit.user.clear(input);
  if (text !== '') {
    await visit.user.click(input);
    await visit.user.paste(text);
  }
}

async function compose(visit: Visit, ticket: { name?: string; subject?: string; body?: string }) {
  await goTo(visit, 'compose');
  if (ticket.name !== undefined) await fill(visit, 'compose.name_label', ticket.name);
  if (ticket.subject !== undefined) await fill(visit, 'compose.subject_label', ticket.subject);
  if (ticket.body !== undefined) await fill(visit, 'compose.body_label', ticket.body);
}

/** The messages rendered under a field: the message parts of its accessible description. */
function messagesUnder(input: HTMLElement): string[] {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('--message'));
  return ids.flatMap((id) => [...document.querySelectorAll(`[id="${CSS.escape(id)}"]`)].map((el) => el.textContent));
}

function csvFile(name: string, content: string | Uint8Array<ArrayBuffer>): File {
  return new File([content], name, { type: name.endsWith('.csv') ? 'text/csv' : '' });
}

async function chooseCustomerFile(visit: Visit) {
  await goTo(visit, 'audience');
  await visit.user.click(
    await screen.findByRole('radio', { name: visit.words('audience.source_csv') }, { timeout: 10_000 }),
  );
}

async function upload(visit: Visit, file: File) {
  await visit.user.upload(await field(visit, 'audience.file.label'), file);
}

const GOOD_LIST = 'good-customers.csv';

/** A first list that worked, so a bad file afterwards has something to lose. */
async function importGoodList(visit: Visit) {
  await chooseCustomerFile(visit);
  await upload(visit, csvFile(GOOD_LIST, `email\n${reachableEmails(2).join('\n')}\n`));
  await fileReport(visit);
}

function fileReport(visit: Visit): Promise<HTMLElement> {
  return screen.findByRole('region', { name: visit.words('audience.file.report_label') }, { timeout: 10_000 });
}

async function goodListKept(visit: Visit) {
  await customerFileChosen(visit);
  const report = await fileReport(visit);
  expect(report).toHaveTextContent(visit.words('audience.file.report_title', { file: GOOD_LIST }));
  expect(report).toHaveTextContent(visit.words('audience.file.matched', { count: visit.number(2) }));
}

/** After a reload, the audience still comes from the file. */
async function customerFileChosen(visit: Visit) {
  await goTo(visit, 'audience');
  expect(
    await screen.findByRole('radio', { name: visit.words('audience.source_csv') }, { timeout: 10_000 }),
  ).toBeChecked();
}

/** A campaign ready to send, kept by this browser from an earlier visit. */
const SEEDED: Pick<TicketDraft, 'name' | 'subject' | 'body'> = {
  name: 'Autumn check-in',
  subject: 'How is it going, {{user.first_name}}?',
  body: 'Hello {{user.first_name}},\n\nJust checking in.',
};

function seedDraft(storage: KeyValueStore, who: Who) {
  const draft = newDraft({ id: 'draft-0', now: clock.now(), defaultGroupId: null });
  new DraftStore(storage, { subdomain: 'proactive-demo', userId: staff(who).id }).save({
    ...draft,
    ticket: { ...draft.ticket, ...SEEDED },
  });
}

async function seededDraftKept(visit: Visit) {
  await goTo(visit, 'compose');
  expect(await field(visit, 'compose.name_label')).toHaveValue(SEEDED.name);
  expect(await field(visit, 'compose.subject_label')).toHaveValue(SEEDED.subject);
  expect(await field(visit, 'compose.body_label')).toHaveValue(SEEDED.body);
}

/** One API call answered with a failure instead of the simulator (others still reach it). */
function failing(
  method: 'get' | 'post',
  path: string,
  answer: () => Response,
  when: (url: URL) => boolean = () => true,
): RequestHandler {
  return http[method](`${DEMO_ORIGIN}${path}`, ({ request }) => (when(new URL(request.url)) ? answer() : undefined));
}

const status = (code: number, body: unknown = { error: 'Error', description: `raw ${code} from Zendesk` }) =>
  HttpResponse.json(body as Record<string, unknown>, { status: code });

// ---------------------------------------------------------------- the bad inputs

/** Where the agent reads the message. */
type Where =
  /** Under the field with this label: its accessible description. */
  | { field: string }
  /** In an alert on the step (role alert) with this title. */
  | { alert: string };

interface BadInput {
  input: string;
  who?: Who;
  settings?: Record<string, unknown>;
  /** A draft this browser kept from an earlier visit. */
  seeded?: boolean;
  /** The agent's bad input (or the failure the app meets), on screen. */
  act(visit: Visit): Promise<void>;
  says(visit: Visit): { key: string; vars?: Vars };
  where: Where;
  /**
   * Values in the message that are the agent's data, not words (a tag, what was typed): the same
   * in every language. Anything else in Latin letters in Korean or Japanese is English left over.
   */
  data?: (visit: Visit) => string[];
  /** After a reload, with the same storage: nothing lost. */
  kept(visit: Visit): Promise<void>;
}

/** What the agent typed is still in the field after the reload. */
function typedKept(labelKey: string, typed: string, also?: (visit: Visit) => Promise<unknown>) {
  return async (visit: Visit) => {
    await goTo(visit, 'compose');
    const input = await field(visit, labelKey);
    expect(input).toHaveValue(typed);
    await also?.(visit);
  };
}

const duplicateName = 'Spring check-in';
const longName = `Quarterly renewal reminder for every customer whose plan ends this season ${'x'.repeat(10)}`;
const TAKE_IT = 'Take it';

const BAD_INPUTS: BadInput[] = [
  {
    input: 'campaign name empty',
    act: (v) => compose(v, { name: '   ', subject: 'Your plan renews soon' }),
    says: () => ({ key: 'compose.check.name_empty' }),
    where: { field: 'compose.name_label' },
    kept: typedKept('compose.name_label', '   ', async (v) =>
      expect(await field(v, 'compose.subject_label')).toHaveValue('Your plan renews soon'),
    ),
  },
  {
    input: 'campaign name whose tag is already on tickets',
    act: (v) => compose(v, { name: duplicateName }),
    says: (v) => ({
      key: 'compose.check.tag_taken',
      vars: {
        tag: 'proactive_spring_check_in',
        count: v.number(simulatorCount(sim, 'type:ticket tags:proactive_spring_check_in')),
      },
    }),
    data: () => ['proactive_spring_check_in'],
    where: { field: 'compose.name_label' },
    kept: typedKept('compose.name_label', duplicateName),
  },
  {
    input: 'campaign name of punctuation only (no tag)',
    act: (v) => compose(v, { name: '!!! ???' }),
    says: () => ({ key: 'compose.check.tag_empty' }),
    where: { field: 'compose.tag_label' },
    kept: typedKept('compose.name_label', '!!! ???'),
  },
  {
    input: 'campaign name in Korean only (no tag)',
    act: (v) => compose(v, { name: '봄맞이 안내' }),
    says: () => ({ key: 'compose.check.tag_empty' }),
    where: { field: 'compose.tag_label' },
    kept: typedKept('compose.name_label', '봄맞이 안내'),
  },
  {
    input: 'campaign name whose tag is too long',
    act: (v) => compose(v, { name: longName }),
    says: (v) => ({ key: 'compose.check.tag_too_long', vars: { max: v.number(MAX_TAG_LENGTH - 8) } }),
    where: { field: 'compose.name_label' },
    kept: typedKept('compose.name_label', longName),
  },
  {
    input: "campaign name whose tag is the app's own",
    act: (v) => compose(v, { name: 'Campaign' }),
    says: () => ({ key: 'compose.check.tag_reserved', vars: { tag: 'proactive_campaign' } }),
    data: () => ['proactive_campaign'],
    where: { field: 'compose.name_label' },
    kept: typedKept('compose.name_label', 'Campaign'),
  },
  {
    input: 'subject empty',
    act: (v) => compose(v, { name: 'Renewal notice', subject: '  ', body: 'Hello {{user.first_name}}' }),
    says: () => ({ key: 'compose.check.subject_empty' }),
    where: { field: 'compose.subject_label' },
    kept: typedKept('compose.body_label', 'Hello {{user.first_name}}', async (v) =>
      expect(await field(v, 'compose.name_label')).toHaveValue('Renewal notice'),
    ),
  },
  {
    input: 'description empty',
    act: (v) => compose(v, { name: 'Renewal notice', subject: 'Your plan renews soon', body: ' \n ' }),
    says: () => ({ key: 'compose.check.body_empty' }),
    where: { field: 'compose.body_label' },
    kept: typedKept('compose.subject_label', 'Your plan renews soon'),
  },
  {
    input: 'unknown placeholder',
    act: (v) => compose(v, { subject: 'New shoes in {{user.shoe_size}}' }),
    says: () => ({ key: 'compose.check.unknown_placeholder', vars: { path: '{{user.shoe_size}}' } }),
    where: { field: 'compose.subject_label' },
    kept: typedKept('compose.subject_label', 'New shoes in {{user.shoe_size}}'),
  },
  {
    input: 'placeholder not closed',
    act: (v) => compose(v, { body: 'Hello {{ user.name' }),
    says: (v) => ({
      key: 'compose.check.syntax.unclosed_output',
      vars: { snippet: '{{ user.name', line: v.number(1) },
    }),
    data: () => ['{{ user.name'],
    where: { field: 'compose.body_label' },
    kept: typedKept('compose.body_label', 'Hello {{ user.name'),
  },
  {
    input: 'assignee outside the chosen group',
    // Jordan is an agent of Support and Customer Success, not Billing; "Take it" assigns to oneself.
    who: 'agent',
    act: async (v) => {
      await goTo(v, 'compose');
      await v.user.selectOptions(await field(v, 'compose.group_label'), 'Billing');
      await v.user.selectOptions(await field(v, 'compose.macro_label'), TAKE_IT);
      await v.user.click(screen.getByRole('button', { name: v.words('compose.macro_apply') }));
    },
    says: () => ({ key: 'compose.check.assignee_not_in_group' }),
    where: { field: 'compose.assignee_label' },
    kept: async (v) => {
      await goTo(v, 'compose');
      const assignee = await field(v, 'compose.assignee_label');
      expect(within(assignee).getByRole('option', { name: staff('agent').name, selected: true })).toBeInTheDocument();
      const group = await field(v, 'compose.group_label');
      expect(within(group).getByRole('option', { name: 'Billing', selected: true })).toBeInTheDocument();
    },
  },
  {
    input: 'empty audience',
    act: async (v) => {
      await goTo(v, 'audience');
      await v.user.click(
        await screen.findByRole('button', { name: v.words('audience.add_condition') }, { timeout: 10_000 }),
      );
      const condition = screen.getByRole('group', { name: v.words('audience.condition_n', { n: '1' }) });
      await v.user.selectOptions(
        within(condition).getByLabelText(v.words('audience.field_label')),
        'builtin:email_domain',
      );
      const value = `${v.words('audience.condition_n', { n: '1' })}: ${v.words('audience.value.text')}`;
      await v.user.click(within(condition).getByLabelText(value));
      await v.user.paste('nobody.invalid');
      await screen.findByLabelText(v.words('audience.count_label', { count: v.number(0) }), {}, { timeout: 10_000 });
      // Said where the count is, too.
      await screen.findByText(v.words('audience.empty_here'), {}, { timeout: 10_000 });
      await goTo(v, 'preview');
    },
    says: () => ({ key: 'compose.check.audience_empty' }),
    where: { alert: 'preview.blocking_title' },
    kept: async (v) => {
      await goTo(v, 'audience');
      const value = `${v.words('audience.condition_n', { n: '1' })}: ${v.words('audience.value.text')}`;
      expect(await screen.findByLabelText(value, {}, { timeout: 10_000 })).toHaveValue('nobody.invalid');
    },
  },
  {
    input: 'audience over the per-campaign cap',
    settings: { campaign_size_cap: '5' },
    act: async (v) => {
      await chooseCustomerFile(v);
      await upload(v, csvFile('eight.csv', `email\n${reachableEmails(8).join('\n')}\n`));
      await screen.findByLabelText(v.words('audience.count_label', { count: v.number(8) }), {}, { timeout: 10_000 });
      // Said where the count is, too.
      screen.getByText(v.words('audience.over_cap_here', { size: v.number(8), cap: v.number(5) }));
      await goTo(v, 'preview');
    },
    says: (v) => ({ key: 'compose.check.over_cap', vars: { size: v.number(8), cap: v.number(5) } }),
    where: { alert: 'preview.blocking_title' },
    kept: async (v) => {
      await goTo(v, 'audience');
      expect(await fileReport(v)).toHaveTextContent(v.words('audience.file.report_title', { file: 'eight.csv' }));
      await screen.findByLabelText(v.words('audience.count_label', { count: v.number(8) }), {}, { timeout: 10_000 });
    },
  },
  {
    input: 'CSV with an unclosed quote',
    act: async (v) => {
      await importGoodList(v);
      const [a, b] = reachableEmails(2);
      await upload(v, csvFile('broken.csv', `email\n${a}\n"${b}\nsomeone@example.com\n`));
    },
    says: (v) => ({ key: 'audience.file.problem.malformed', vars: { row: v.number(3) } }),
    where: { alert: 'audience.file.problem_title' },
    kept: goodListKept,
  },
  {
    input: 'empty CSV',
    act: async (v) => {
      await importGoodList(v);
      await upload(v, csvFile('empty.csv', ''));
    },
    says: () => ({ key: 'audience.file.problem.empty' }),
    where: { alert: 'audience.file.problem_title' },
    kept: goodListKept,
  },
  {
    input: 'Excel workbook (.xlsx) instead of CSV',
    act: async (v) => {
      await importGoodList(v);
      const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]);
      await upload(v, csvFile('customers.xlsx', zip));
    },
    says: () => ({ key: 'audience.file.problem.spreadsheet' }),
    where: { alert: 'audience.file.problem_title' },
    kept: goodListKept,
  },
  // API failures, one per step that loads data, each with another status.
  {
    input: 'audience step: 403 reading the customer fields',
    seeded: true,
    act: async (v) => {
      server.use(failing('get', '/api/v2/user_fields', () => status(403)));
      await goTo(v, 'audience');
    },
    says: () => ({ key: 'errors.permission' }),
    where: { alert: 'errors.title' },
    kept: seededDraftKept,
  },
  {
    input: "audience step: 5xx fetching the audience's customers",
    seeded: true,
    act: async (v) => {
      server.use(
        failing(
          'get',
          '/api/v2/search/export',
          () => status(503),
          (url) => url.searchParams.get('filter[type]') === 'user',
        ),
      );
      await goTo(v, 'audience');
    },
    says: () => ({ key: 'errors.server' }),
    where: { alert: 'errors.title' },
    kept: seededDraftKept,
  },
  {
    input: 'audience step: connection lost matching a CSV',
    seeded: true,
    act: async (v) => {
      await chooseCustomerFile(v);
      // The file's addresses are looked up by search: the connection drops on each of those requests.
      server.use(
        failing(
          'get',
          '/api/v2/search/export',
          () => HttpResponse.error(),
          (url) => (url.searchParams.get('query') ?? '').includes('email:'),
        ),
      );
      await upload(v, csvFile('list.csv', `email\n${reachableEmails(3).join('\n')}\n`));
    },
    says: () => ({ key: 'errors.network' }),
    where: { alert: 'errors.title' },
    kept: seededDraftKept,
  },
  {
    input: 'compose step: 401 loading groups and agents',
    seeded: true,
    act: async (v) => {
      server.use(failing('get', '/api/v2/groups/assignable', () => status(401)));
      await goTo(v, 'compose');
    },
    says: () => ({ key: 'errors.auth' }),
    where: { alert: 'errors.title' },
    kept: seededDraftKept,
  },
  {
    input: 'compose step: 5xx asking whether the name is taken',
    seeded: true,
    act: async (v) => {
      server.use(
        failing(
          'get',
          '/api/v2/search/count',
          () => status(500),
          (url) => (url.searchParams.get('query') ?? '').includes('tags:'),
        ),
      );
      await goTo(v, 'compose');
    },
    says: () => ({ key: 'errors.server' }),
    where: { alert: 'errors.title' },
    kept: seededDraftKept,
  },
  {
    input: 'compose step: 404 applying a macro',
    seeded: true,
    act: async (v) => {
      server.use(
        failing('get', '/api/v2/macros/:id/apply', () =>
          status(404, { error: 'RecordNotFound', description: 'Not found' }),
        ),
      );
      await goTo(v, 'compose');
      await v.user.selectOptions(await field(v, 'compose.macro_label'), TAKE_IT);
      await v.user.click(screen.getByRole('button', { name: v.words('compose.macro_apply') }));
    },
    says: () => ({ key: 'errors.not_found' }),
    where: { alert: 'errors.title' },
    kept: seededDraftKept,
  },
  {
    input: 'preview step: 429 reading the triggers',
    seeded: true,
    act: async (v) => {
      server.use(
        failing('get', '/api/v2/triggers/active', () =>
          HttpResponse.json({ error: 'TooManyRequests' }, { status: 429, headers: { 'Retry-After': '30' } }),
        ),
      );
      await goTo(v, 'preview');
    },
    says: (v) => ({ key: 'errors.rate_limited_wait', vars: { seconds: v.number(30) } }),
    where: { alert: 'errors.title' },
    kept: seededDraftKept,
  },
  {
    input: "preview step: connection lost counting the team's solved tickets",
    seeded: true,
    act: async (v) => {
      server.use(
        failing(
          'get',
          '/api/v2/search/count',
          () => HttpResponse.error(),
          (url) => (url.searchParams.get('query') ?? '').includes('solved>='),
        ),
      );
      await goTo(v, 'preview');
    },
    says: () => ({ key: 'errors.network' }),
    where: { alert: 'errors.title' },
    kept: seededDraftKept,
  },
  {
    input: 'send step: 5xx asking whether the name is taken (Send waits for the answer)',
    seeded: true,
    act: async (v) => {
      server.use(
        failing(
          'get',
          '/api/v2/search/count',
          () => status(500),
          (url) => (url.searchParams.get('query') ?? '').includes('tags:'),
        ),
      );
      await goTo(v, 'send');
      await alertSaying(v.words('errors.server'));
      // Another campaign may have used the name: its customers would count as already reached.
      const [before = '', after = ''] = v.words('send.send_button', { count: '\u0000' }).split('\u0000');
      const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const send = await screen.findByRole('button', { name: new RegExp(`^${escape(before)}.+${escape(after)}$`) });
      expect(send).toBeDisabled();
    },
    says: () => ({ key: 'errors.server' }),
    where: { alert: 'errors.title' },
    kept: seededDraftKept,
  },
  {
    input: 'send step: 422 asking who already has the ticket',
    seeded: true,
    act: async (v) => {
      server.use(
        failing(
          'get',
          '/api/v2/search/export',
          () => status(422, { error: 'InvalidValue' }),
          (url) => url.searchParams.get('filter[type]') === 'ticket',
        ),
      );
      await goTo(v, 'send');
    },
    says: () => ({ key: 'errors.validation_generic' }),
    where: { alert: 'errors.title' },
    kept: seededDraftKept,
  },
];

// ---------------------------------------------------------------- the suite

let checks = 0;
afterAll(() => {
  console.log(
    `bad input suite: ${BAD_INPUTS.length} inputs × ${LANGUAGES.length} languages = ${checks} checks (each: translated message where the agent looks, no English in ko/ja, draft kept after a reload)`,
  );
});

/** The alert on the step that says `text` (several alerts may be on screen at once). */
async function alertSaying(text: string): Promise<HTMLElement> {
  return waitFor(
    () => {
      const alert = screen.getAllByRole('alert').find((el) => el.textContent?.includes(text));
      if (!alert) {
        const shown = screen.queryAllByRole('alert').map((el) => el.textContent);
        throw new Error(`no alert says "${text}"; alerts: ${JSON.stringify(shown)}`);
      }
      return alert;
    },
    { timeout: 10_000 },
  );
}

describe.each(LANGUAGES)('bad input in $lang', ({ zendeskLocale, lang }) => {
  it.each(BAD_INPUTS.map((row) => [row.input, row] as const))(
    '%s',
    async (_input, row) => {
      const number = (n: number) => n.toLocaleString(lang);
      const visit: Visit = {
        lang,
        user: userEvent.setup({ applyAccept: false, delay: null }),
        words: (key, vars) => message(lang, key, vars),
        number,
        storage: memoryStore(),
      };
      const who = row.who ?? 'admin';
      if (row.seeded) seedDraft(visit.storage, who);
      open(visit, who, zendeskLocale, row.settings);
      await row.act(visit);

      const { key, vars = {} } = row.says(visit);
      const expected = message(lang, key, vars);
      const data = row.data?.(visit) ?? [];
      let shown: string;
      if ('field' in row.where) {
        const input = await field(visit, row.where.field);
        await waitFor(() => expect(messagesUnder(input)).toContain(expected), { timeout: 10_000 });
        expect(input).toHaveAccessibleDescription(expect.stringContaining(expected));
        expect(input).toHaveAttribute('aria-invalid', 'true');
        shown = messagesUnder(input).join(' ');
      } else {
        const alert = await alertSaying(expected);
        // The alert's title, from translations/ too (a count in it may be any number).
        for (const part of message(lang, row.where.alert, { count: '\u0000' }).split('\u0000')) {
          expect(alert).toHaveTextContent(part.trim());
        }
        shown = alert.textContent ?? '';
        // A failure is said in words, never as the raw answer.
        expect(shown).not.toMatch(/raw \d+ from Zendesk|failed with|\b(401|403|404|422|429|503)\b/);
      }
      if (lang !== 'en') {
        expect(expected).not.toBe(message('en', key, vars));
        expect(englishWords(shown, data)).toEqual([]);
      }

      server.resetHandlers(); // the failure is over; the agent reloads
      reload(visit, who, zendeskLocale, row.settings);
      await row.kept(visit);
      // A problem in the draft is still said where it was after the reload.
      if ('field' in row.where) {
        const input = await field(visit, row.where.field);
        await waitFor(() => expect(messagesUnder(input)).toContain(expected), { timeout: 10_000 });
      }
      checks++;
    },
    30_000,
  );
});
