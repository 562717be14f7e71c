/**
 * The checks that hold the Send button (checkCampaign): each check, the field its message appears
 * next to, and the figures the checks panel shows (capacityVerdict, waveCount).
 */
import { describe, expect, it } from 'vitest';
import { emptyTicket, type TicketDraft } from '../../../src/domain/campaign/draft.ts';
import {
  CAPACITY_WINDOW_DAYS,
  capacityVerdict,
  checkCampaign,
  waveCount,
  type CheckInputs,
} from '../../../src/domain/checks/campaign-checks.ts';
import { template } from '../../support/compose-fixture.ts';

const AGENT = 361_000_000_003;

function inputs(ticket: Partial<TicketDraft> = {}, rest: Partial<CheckInputs> = {}): CheckInputs {
  const draft: TicketDraft = {
    ...emptyTicket({ groupId: 360_201 }),
    name: 'Spring renewal',
    subject: 'Your renewal, {{user.first_name}}',
    body: 'Hi {{user.first_name}}',
    ...ticket,
  };
  return {
    ticket: draft,
    tagPrefix: 'proactive_',
    audienceSize: 250,
    campaignSizeCap: 1000,
    ticketsWithTag: 0,
    templateProblems: template(draft.subject, draft.body, draft.translations).problems,
    groupMembers: new Set([AGENT]),
    mayCreateCampaigns: true,
    ...rest,
  };
}

const codes = (i: CheckInputs) => checkCampaign(i).map((c) => [c.field, c.code]);

describe('a campaign ready to send', () => {
  it('has no checks in the way', () => {
    expect(checkCampaign(inputs())).toEqual([]);
  });
});

describe('name and tag', () => {
  it('an empty name', () => {
    expect(codes(inputs({ name: '   ' }))).toEqual([['name', 'name_empty']]);
  });

  it('a name that gives no tag (Korean) unless the agent typed one', () => {
    expect(checkCampaign(inputs({ name: '봄 갱신' }))).toEqual([
      { severity: 'error', field: 'tag', code: 'tag_empty', tag: 'proactive_' },
    ]);
    expect(checkCampaign(inputs({ name: '봄 갱신', tagSource: 'spring renewal' }))).toEqual([]);
  });

  it('a tag too long for a wave suffix', () => {
    const [check] = checkCampaign(inputs({ name: 'x'.repeat(70) }));
    expect(check).toMatchObject({ field: 'tag', code: 'tag_too_long', tag: `proactive_${'x'.repeat(70)}` });
  });

  it('a reserved tag (the marker or the test tag)', () => {
    expect(codes(inputs({ name: 'Campaign' }))).toEqual([['tag', 'tag_reserved']]);
    expect(codes(inputs({ name: 'Test send' }))).toEqual([['tag', 'tag_reserved']]);
  });

  it('a tag already on tickets, with how many', () => {
    expect(checkCampaign(inputs({}, { ticketsWithTag: 20 }))).toEqual([
      { severity: 'error', field: 'tag', code: 'tag_taken', tag: 'proactive_spring_renewal', tickets: 20 },
    ]);
    expect(checkCampaign(inputs({}, { ticketsWithTag: null }))).toEqual([]);
  });
});

describe('text', () => {
  it('an empty subject or body', () => {
    expect(codes(inputs({ subject: ' ', body: '\n' }))).toEqual([
      ['subject', 'text_empty'],
      ['body', 'text_empty'],
    ]);
  });

  it('an empty subject or body in a translation, naming its language', () => {
    const translations = [
      { locale: 'ko', subject: '', body: '본문' },
      { locale: 'ja', subject: '件名', body: ' ' },
    ];
    expect(checkCampaign(inputs({ translations }))).toEqual([
      { severity: 'error', field: 'subject', code: 'text_empty', locale: 'ko' },
      { severity: 'error', field: 'body', code: 'text_empty', locale: 'ja' },
    ]);
  });

  it('an unknown placeholder, where it is', () => {
    expect(checkCampaign(inputs({ subject: 'Hi {{user.nickname}}' }))).toEqual([
      { severity: 'error', field: 'subject', code: 'unknown_placeholder', path: 'user.nickname', locale: null },
    ]);
    const translations = [{ locale: 'ja', subject: '件名', body: '{{user.user_fields.nope}}' }];
    expect(checkCampaign(inputs({ translations }))).toEqual([
      { severity: 'error', field: 'body', code: 'unknown_placeholder', path: 'user.user_fields.nope', locale: 'ja' },
    ]);
  });

  it('a syntax error, with the parser’s message', () => {
    const [check] = checkCampaign(inputs({ body: 'Hi {{ user.name ' }));
    expect(check).toMatchObject({ field: 'body', code: 'syntax', locale: null });
    expect(check && 'message' in check ? check.message : '').not.toBe('');
  });

  it('an unsupported tag', () => {
    expect(checkCampaign(inputs({ body: "{% include 'footer' %}" }))).toEqual([
      { severity: 'error', field: 'body', code: 'unsupported_tag', name: 'include', locale: null },
    ]);
  });
});

describe('audience and size', () => {
  it('an empty audience (after exclusions); none while still counting', () => {
    expect(codes(inputs({}, { audienceSize: 0 }))).toEqual([['audience', 'audience_empty']]);
    expect(checkCampaign(inputs({}, { audienceSize: null }))).toEqual([]);
  });

  it('over the per-campaign cap, unless sent in waves no larger than the cap', () => {
    expect(checkCampaign(inputs({}, { audienceSize: 1001 }))).toEqual([
      { severity: 'error', field: 'size', code: 'over_cap', size: 1001, cap: 1000 },
    ]);
    expect(checkCampaign(inputs({}, { audienceSize: 1000 }))).toEqual([]);
    expect(checkCampaign(inputs({ waveSize: 1000 }, { audienceSize: 5000 }))).toEqual([]);
    expect(codes(inputs({ waveSize: 1001 }, { audienceSize: 5000 }))).toEqual([['size', 'over_cap']]);
  });
});

describe('assignee and permission', () => {
  it('an assignee outside the chosen group; nothing while the group is loading or none is chosen', () => {
    expect(codes(inputs({ assigneeId: 42 }))).toEqual([['assignee', 'assignee_not_in_group']]);
    expect(checkCampaign(inputs({ assigneeId: AGENT }))).toEqual([]);
    expect(checkCampaign(inputs({ assigneeId: 42 }, { groupMembers: null }))).toEqual([]);
  });

  it('agents the admin does not allow to send', () => {
    expect(codes(inputs({}, { mayCreateCampaigns: false }))).toEqual([['audience', 'sending_not_allowed']]);
  });

  it('reports every problem at once, each next to its field', () => {
    const all = codes(
      inputs(
        { name: '', subject: '', body: '{{x.y}}', assigneeId: 42 },
        { audienceSize: 0, mayCreateCampaigns: false },
      ),
    );
    expect(all).toEqual([
      ['audience', 'sending_not_allowed'],
      ['name', 'name_empty'],
      ['subject', 'text_empty'],
      ['body', 'unknown_placeholder'],
      ['audience', 'audience_empty'],
      ['assignee', 'assignee_not_in_group'],
    ]);
  });
});

describe('team capacity', () => {
  it('is the four-week solved count per day, and the days of work the campaign adds', () => {
    expect(CAPACITY_WINDOW_DAYS).toBe(28);
    expect(capacityVerdict(280, 500)).toEqual({ solvedPerDay: 10, days: 50 });
    expect(capacityVerdict(56, 1)).toEqual({ solvedPerDay: 2, days: 0.5 });
  });

  it('has no figure for a team without solved tickets', () => {
    expect(capacityVerdict(0, 500)).toEqual({ solvedPerDay: 0, days: null });
  });
});

describe('waves', () => {
  it.each([
    [2500, 1000, 3],
    [2000, 1000, 2],
    [1, 1000, 1],
    [0, 1000, 1],
    [10, 0, 10],
  ])('%i customers in waves of %i: %i waves', (size, wave, count) => {
    expect(waveCount(size, wave)).toBe(count);
  });
});
