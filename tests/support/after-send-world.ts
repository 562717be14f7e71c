import { DEMO_IDENTITIES, type SimulatorOptions } from '../../sandbox/simulator/index.ts';
import { simulatorTransport } from '../../sandbox/simulator/transport.ts';
import type { SendRun } from '../../src/domain/send/send-run.ts';
import { SupportApiClient, type Ticket } from '../../src/zendesk/index.ts';
import { ticketSchema } from '../../src/zendesk/schemas/tickets.ts';
import { userSchema } from '../../src/zendesk/schemas/users.ts';
import { sendWorld, type SendWorld } from './send-world.ts';

export type Who = 'owner' | 'admin' | 'agent' | 'customRoleAgent';

/**
 * A simulated account after a real send (SendRunner, create_many jobs), in virtual time, with
 * search indexing instantly unless a test asks otherwise, and clients acting as each kind of
 * staff member: what the view, trigger, record and history code is checked against.
 */
export interface AfterSendWorld extends SendWorld {
  client(who: Who): SupportApiClient;
  userId(who: Who): number;
  /** Sends the world's campaign to its customers (as the owner, an admin) and returns the finished run. */
  send(id?: string): Promise<SendRun>;
  /** The campaign's tickets, read straight from the simulator. */
  campaignTickets(tag?: string): Ticket[];
  /** Changes a ticket as Zendesk would (through the API, as the owner). */
  updateTicket(id: number, change: Record<string, unknown>): void;
}

export function afterSendWorld(
  options: { customers?: number; simulator?: SimulatorOptions; tag?: string } = {},
): AfterSendWorld {
  const world = sendWorld({
    customers: options.customers ?? 12,
    tag: options.tag,
    latencyMs: 0,
    simulator: {
      searchIndexLagMs: 0,
      jobTiming: { startDelayMs: 200, perTicketMs: 20, perTicketJitterMs: 0 },
      ...options.simulator,
    },
  });
  const emails: Record<Who, string> = DEMO_IDENTITIES;
  const clients = new Map<Who, SupportApiClient>();
  const client = (who: Who) => {
    let known = clients.get(who);
    if (!known) {
      known = new SupportApiClient({
        transport: simulatorTransport(world.sim, { actAs: emails[who] }),
        clock: world.clock,
        scheduler: { maxAttempts: 2 },
      });
      clients.set(who, known);
    }
    return known;
  };
  const userId = (who: Who) => {
    const user = world.sim.account.usersByEmail.get(emails[who]);
    if (!user) throw new Error(`no ${who} in the demo account`);
    return userSchema.parse(user).id;
  };
  return {
    ...world,
    client,
    userId,
    async send(id = 'run-1') {
      return world.clock.run(() => world.runner(world.newRun(id)).start());
    },
    campaignTickets(tag = world.tag) {
      return world.sim.account.tickets
        .filter((t) => t.ticket.tags.includes(tag))
        .map((t) => ticketSchema.parse(t.ticket));
    },
    updateTicket(id, change) {
      const response = world.sim.handle({
        method: 'PUT',
        url: `/api/v2/tickets/${id}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ticket: change }),
      });
      if ('dropped' in response || response.status !== 200) {
        throw new Error(`PUT tickets/${id} failed: ${'dropped' in response ? 'dropped' : response.body}`);
      }
    },
  };
}
