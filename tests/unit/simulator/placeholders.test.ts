import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_IDENTITIES } from '../../../sandbox/simulator/index.ts';
import { testZendesk, type TestZendesk } from './support/api.ts';

const commentSchema = z.object({
  id: z.number(),
  type: z.literal('Comment'),
  author_id: z.number(),
  body: z.string(),
  html_body: z.string(),
  plain_body: z.string(),
  public: z.boolean(),
  created_at: z.string(),
});
const created = z.object({ ticket: z.object({ id: z.number(), description: z.string() }) });

function setUp(api: TestZendesk) {
  const { account } = api.sim;
  const requester = account.users.find(
    (u) => u.role === 'end-user' && u.organization_id !== null && u.email !== null && u.phone !== null && !u.suspended,
  );
  const agent = account.usersByEmail.get(DEMO_IDENTITIES.agent);
  const membership = account.groupMemberships.find((m) => m.user_id === agent?.id);
  const group = account.groups.find((g) => g.id === membership?.group_id);
  const organization = account.organizations.find((o) => o.id === requester?.organization_id);
  if (!requester || !agent || !group || !organization) throw new Error('the demo account lacks a record');
  return { requester, agent, group, organization, owner: account.owner };
}

function send(api: TestZendesk, ticket: Record<string, unknown>) {
  const answer = api.call('POST', '/api/v2/tickets', { ticket });
  expect(answer.status).toBe(201);
  const { id, description } = created.parse(answer.json).ticket;
  const comments = z
    .object({ comments: z.array(commentSchema) })
    .parse(api.get(`/api/v2/tickets/${id}/comments`).json).comments;
  return { id, description, comment: comments[0] };
}

describe('placeholders in an agent’s comment', () => {
  it('renders the common ticket, user, organization, group and current-user placeholders', () => {
    const api = testZendesk();
    const { requester, agent, group, organization, owner } = setUp(api);
    const names = [
      'ticket.id',
      'ticket.title',
      'ticket.status',
      'ticket.priority',
      'ticket.ticket_type',
      'ticket.via',
      'ticket.tags',
      'ticket.url',
      'ticket.link',
      'ticket.requester.name',
      'ticket.requester.first_name',
      'ticket.requester.last_name',
      'ticket.requester.email',
      'ticket.requester.phone',
      'ticket.requester.language',
      'ticket.organization.name',
      'ticket.organization.details',
      'ticket.assignee.name',
      'ticket.assignee.email',
      'ticket.group.name',
      'current_user.name',
      'current_user.email',
      'ticket.account',
      'ticket.due_date',
      'no.such.placeholder',
    ];
    const { id, description } = send(api, {
      subject: 'Your plan renews soon',
      requester_id: requester.id,
      assignee_id: agent.id,
      group_id: group.id,
      status: 'open',
      priority: 'high',
      type: 'task',
      tags: ['pc_spring_renewal'],
      comment: { body: names.map((n) => `${n}={{${n}}}`).join('\n'), public: true },
    });
    const rendered = Object.fromEntries(description.split('\n').map((line) => line.split('=') as [string, string]));
    const words = requester.name.split(' ');
    const language = new Intl.DisplayNames(['en'], { type: 'language' }).of(requester.locale.split('-')[0] ?? '');
    expect(rendered).toEqual({
      'ticket.id': String(id),
      'ticket.title': 'Your plan renews soon',
      'ticket.status': 'Open',
      'ticket.priority': 'High',
      'ticket.ticket_type': 'Task',
      'ticket.via': 'Web Service',
      'ticket.tags': expect.stringContaining('pc_spring_renewal'),
      'ticket.url': `proactive-demo.zendesk.com/agent/tickets/${id}`,
      'ticket.link': `https://proactive-demo.zendesk.com/agent/tickets/${id}`,
      'ticket.requester.name': requester.name,
      'ticket.requester.first_name': words[0],
      'ticket.requester.last_name': words.length > 1 ? words[words.length - 1] : '',
      'ticket.requester.email': requester.email,
      'ticket.requester.phone': requester.phone,
      'ticket.requester.language': language,
      'ticket.organization.name': organization.name,
      'ticket.organization.details': organization.details,
      'ticket.assignee.name': agent.name,
      'ticket.assignee.email': agent.email,
      'ticket.group.name': group.name,
      'current_user.name': owner.name,
      'current_user.email': owner.email,
      'ticket.account': 'Proactive Demo',
      'ticket.due_date': '',
      'no.such.placeholder': '',
    });
  });

  it('keeps an escaped `\\{{` literal', () => {
    const api = testZendesk();
    const { requester } = setUp(api);
    const { description } = send(api, {
      requester_id: requester.id,
      comment: { body: 'Type \\{{ticket.id}} to see {{ticket.requester.first_name}}' },
    });
    expect(description).toBe(`Type {{ticket.id}} to see ${requester.name.split(' ')[0]}`);
  });

  it('html_body is stored as HTML; character references like &#123;&#123; are text, not placeholders', () => {
    const api = testZendesk();
    const { requester } = setUp(api);
    const html =
      '<p>Hi {{ticket.requester.first_name}},</p><p>Use &#123;&#123;ticket.id&#125;&#125; &amp; &lt;b&gt;code&lt;/b&gt;</p>';
    const { id, description, comment } = send(api, { requester_id: requester.id, comment: { html_body: html } });
    const first = requester.name.split(' ')[0] ?? '';
    expect(comment?.html_body).toContain(`<p>Hi ${first},</p>`);
    expect(comment?.html_body).toContain('&#123;&#123;ticket.id&#125;&#125; &amp; &lt;b&gt;code&lt;/b&gt;');
    expect(comment?.html_body).not.toContain(String(id));
    expect(description).toBe(`Hi ${first},\n\nUse {{ticket.id}} & <b>code</b>`);
    expect(comment?.plain_body).toBe(description);
  });

  it('escapes values rendered into HTML (a name with markup stays text)', () => {
    const api = testZendesk();
    const { requester } = setUp(api);
    requester.name = 'Kim <b>Bold</b>';
    const { comment, description } = send(api, {
      requester_id: requester.id,
      comment: { html_body: '<p>Dear {{ticket.requester.name}}</p>' },
    });
    expect(comment?.html_body).toContain('<p>Dear Kim &lt;b&gt;Bold&lt;/b&gt;</p>');
    expect(description).toBe('Dear Kim <b>Bold</b>');
  });

  it('renders satisfaction.rating_section on plans with CSAT and strips it on Team', () => {
    for (const [plan, expected] of [
      ['professional', /How would you rate the support you received\?[\s\S]*\/satisfaction\/good/],
      ['team', /^$/],
    ] as const) {
      const api = testZendesk({ plan, rpm: 1_000_000 });
      const { requester } = setUp(api);
      const { description } = send(api, {
        requester_id: requester.id,
        comment: { body: 'x{{satisfaction.rating_section}}' },
      });
      expect(description.slice(1)).toMatch(expected);
    }
  });
});
