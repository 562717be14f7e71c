import { describe, expect, it } from 'vitest';
import { closeBatches, closePlan } from '../../../src/domain/after-send/close-remaining.ts';
import { closeRemaining, findRemaining, type CloseProgress } from '../../../src/services/after-send/close-remaining.ts';
import type { Ticket } from '../../../src/zendesk/index.ts';
import { afterSendWorld, type AfterSendWorld } from '../../support/after-send-world.ts';

function statuses(world: AfterSendWorld): Map<number, string> {
  return new Map(world.sim.account.tickets.map((t) => [t.ticket.id, t.ticket.status]));
}

const ticket = (id: number, status: Ticket['status'], assignee: number | null, tags = ['proactive_x']): Ticket => ({
  id,
  status,
  assignee_id: assignee,
  tags,
  external_id: null,
  subject: null,
  priority: null,
  type: null,
  requester_id: 1,
  group_id: null,
  organization_id: null,
  created_at: '',
  updated_at: '',
});

describe('close remaining tickets', () => {
  it('plans only unsolved tickets that carry the tag; unassigned ones go to the agent closing them, 100 a job', () => {
    const tickets = [
      ticket(1, 'new', null),
      ticket(2, 'open', 7),
      ticket(3, 'pending', 7),
      ticket(4, 'hold', null),
      ticket(5, 'solved', 7),
      ticket(6, 'closed', 7),
      ticket(7, 'open', 7, ['another_campaign']),
    ];
    const plan = closePlan(tickets, 'proactive_x');
    expect(plan.tickets.map((t) => t.id)).toEqual([1, 2, 3, 4]);
    expect(plan.unassigned).toBe(2);
    expect(closeBatches(plan.tickets, 99)).toEqual([
      { ids: [2, 3], update: { status: 'solved' } },
      { ids: [1, 4], update: { status: 'solved', assignee_id: 99 } },
    ]);
    const many = Array.from({ length: 250 }, (_, i) => ticket(i + 1, 'open', 7));
    expect(closeBatches(many, 99).map((b) => b.ids.length)).toEqual([100, 100, 50]);
  });

  it("solves exactly the campaign's unsolved tickets and nothing else, and reports it", async () => {
    const world = afterSendWorld();
    const run = await world.send();
    const owner = world.userId('owner');
    const [solved, pending, closed] = world.campaignTickets();
    world.updateTicket(solved?.id ?? 0, { status: 'solved', assignee_id: owner });
    world.updateTicket(pending?.id ?? 0, { status: 'pending', assignee_id: owner });
    const closedTicket = world.sim.account.ticketsById.get(closed?.id ?? 0);
    if (closedTicket) closedTicket.ticket.status = 'closed';
    const before = statuses(world);
    const remaining = run.created.filter((id) => id > 0 && id !== solved?.id && id !== closed?.id);

    const agent = world.client('agent');
    const plan = await world.clock.run(() => findRemaining(agent, world.tag));
    expect(plan.tickets.map((t) => t.id).sort()).toEqual([...remaining].sort());
    expect(plan.unassigned).toBe(remaining.length - 1);

    const outcome = await world.clock.run(() => closeRemaining(agent, plan, world.userId('agent')));
    expect(outcome.error).toBeNull();
    expect(outcome.report.closed.sort()).toEqual([...remaining].sort());
    expect(outcome.report.failed).toEqual([]);

    const after = statuses(world);
    for (const [id, status] of after) {
      if (remaining.includes(id)) expect(status, `ticket ${id}`).toBe('solved');
      else expect(status, `ticket ${id}`).toBe(before.get(id));
    }
    // Zendesk needs an assignee to solve: the unassigned ones are now the closing agent's.
    const unassignedBefore = remaining.filter((id) => id !== pending?.id);
    for (const id of unassignedBefore) {
      expect(world.sim.account.ticketsById.get(id)?.ticket.assignee_id).toBe(world.userId('agent'));
    }
    expect(world.sim.account.ticketsById.get(pending?.id ?? 0)?.ticket.assignee_id).toBe(owner);
  });

  it('a ticket solved since search indexed it is left alone; a failure inside the job is reported per ticket', async () => {
    const world = afterSendWorld({ simulator: { searchIndexLagMs: 120_000 } });
    const run = await world.send();
    await world.clock.advance(130_000);
    const [lateSolved, lateClosed] = world.campaignTickets();
    // Changed after indexing: search still says open for both.
    world.updateTicket(lateSolved?.id ?? 0, { status: 'solved', assignee_id: world.userId('owner') });
    const api = world.client('admin');
    const plan = await world.clock.run(() => findRemaining(api, world.tag));
    expect(plan.tickets.map((t) => t.id)).not.toContain(lateSolved?.id);
    expect(plan.tickets).toHaveLength(run.created.filter((id) => id > 0).length - 1);

    // Closed between the confirmation and the job: Zendesk refuses it inside the job results.
    const stored = world.sim.account.ticketsById.get(lateClosed?.id ?? 0);
    if (stored) stored.ticket.status = 'closed';
    const outcome = await world.clock.run(() => closeRemaining(api, plan, world.userId('admin')));
    expect(outcome.report.failed).toEqual([
      { ticketId: lateClosed?.id, reason: 'TicketUpdateFailed: Status: closed prevents ticket update' },
    ]);
    expect(outcome.report.closed).toHaveLength(plan.tickets.length - 1);
  });

  it("is paced by Zendesk's ticket updates per minute (100): 250 tickets wait for the next minute, no 429", async () => {
    const world = afterSendWorld({ customers: 250 });
    await world.send();
    const api = world.client('admin');
    const plan = await world.clock.run(() => findRemaining(api, world.tag));
    expect(plan.tickets).toHaveLength(250);
    const seen: CloseProgress[] = [];
    const started = world.clock.now();
    const rejectedBefore = world.sim.stats.rejected429;
    // A 429 (from the account or the ticket-update limit) would show as a rate_limited wait.
    const waits: string[] = [];
    const stop = api.onWait((wait) => waits.push(wait.reason));
    const outcome = await world.clock.run(() =>
      closeRemaining(api, plan, world.userId('admin'), (progress) => seen.push(progress)),
    );
    expect(outcome.report.closed).toHaveLength(250);
    stop();
    // Three batches of 100, 100 and 50 need three minute windows of the account's update budget.
    const waitedUntil = new Set(seen.flatMap((p) => (p.waitingUntil === null ? [] : [p.waitingUntil])));
    expect(waitedUntil.size).toBe(2);
    expect(world.clock.now() - started).toBeGreaterThan(60_000);
    expect(seen.at(-1)).toMatchObject({ total: 250, closed: 250, failed: 0 });
    expect(world.sim.stats.rejected429 - rejectedBefore).toBe(0);
    expect(waits).not.toContain('rate_limited');
    for (const t of plan.tickets) expect(world.sim.account.ticketsById.get(t.id)?.ticket.status).toBe('solved');
  });
});
