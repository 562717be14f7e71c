import { createSimulator, type Simulator, type SimulatorOptions } from '../../sandbox/simulator/index.ts';
import { simulatorTransport } from '../../sandbox/simulator/transport.ts';
import { VirtualClock } from '../../sandbox/virtual-clock.ts';
import { CampaignTemplate } from '../../src/domain/compose/campaign-template.ts';
import { campaignExternalId } from '../../src/domain/compose/campaign-ticket.ts';
import { emptyTicket, type TicketDraft } from '../../src/domain/campaign/draft.ts';
import { newSendRun, type SendRun } from '../../src/domain/send/send-run.ts';
import { yesNoFor } from '../../src/i18n/customer-words.ts';
import { OrganizationDirectory } from '../../src/services/compose/organization-directory.ts';
import { SendRunner } from '../../src/services/send/send-runner.ts';
import { TicketFactory } from '../../src/services/send/ticket-factory.ts';
import { SupportApiClient, ZAF_APP_RPM, type SchedulerOptions, type User } from '../../src/zendesk/index.ts';
import { userSchema } from '../../src/zendesk/schemas/users.ts';

/**
 * A simulated account, an app-side client to it in virtual time (paced as inside Zendesk: ZAF's
 * 100 requests a minute and the app's share of the account's limit), and what it takes to send a
 * campaign to its first N customers: for the send benchmark and the send tests.
 */
export interface SendWorld {
  sim: Simulator;
  clock: VirtualClock;
  api: SupportApiClient;
  admin: User;
  customers: User[];
  ticket: TicketDraft;
  tag: string;
  newRun(id?: string): SendRun;
  runner(
    run: SendRun,
    options?: { isAdmin?: boolean; save?: (run: SendRun) => void; api?: SupportApiClient },
  ): SendRunner;
  /** Campaign tickets per customer, read from the simulator's own records. */
  ticketsPerCustomer(): Map<number, number>;
}

export function sendWorld(options: {
  customers: number;
  simulator?: SimulatorOptions;
  scheduler?: Partial<SchedulerOptions>;
  latencyMs?: number;
  tag?: string;
}): SendWorld {
  const clock = options.simulator?.clock instanceof VirtualClock ? options.simulator.clock : new VirtualClock();
  const sim = createSimulator({
    seed: 5,
    users: Math.ceil(options.customers * 1.15) + 200,
    ...options.simulator,
    clock,
  });
  const client = () =>
    new SupportApiClient({
      transport: simulatorTransport(sim, { latencyMs: options.latencyMs ?? 150 }),
      clock,
      random: mulberry(9),
      scheduler: { rpm: ZAF_APP_RPM, budgetShare: 0.5, concurrency: 8, ...options.scheduler },
    });
  const api = client();
  const admin = userSchema.parse(sim.account.owner);
  const customers = sim.account.users
    .filter((u) => u.role === 'end-user' && !u.suspended && u.email !== null && u.active)
    .slice(0, options.customers)
    .map((u) => userSchema.parse(u));
  if (customers.length < options.customers) throw new Error('not enough customers in the simulated account');
  const tag = options.tag ?? 'proactive_spring_renewal';
  const ticket: TicketDraft = {
    ...emptyTicket({ groupId: null }),
    name: 'Spring renewal',
    subject: 'Your plan renews soon, {{user.first_name}}',
    body: 'Hi {{user.first_name | default: "there"}},\n\nYour plan renews next month. Reply with any question.',
  };
  const template = new CampaignTemplate(ticket, { userFields: [], organizationFields: [] }, yesNoFor);
  return {
    sim,
    clock,
    api,
    admin,
    customers,
    ticket,
    tag,
    newRun: (id = 'run-1') =>
      newSendRun({
        id,
        now: clock.now(),
        agentId: admin.id,
        customers: customers.map((c) => c.id),
        campaign: {
          draftId: 'draft-1',
          name: ticket.name,
          tag,
          markerTag: 'proactive_campaign',
          waveTag: null,
          wave: 1,
          waves: 1,
          ticket,
        },
      }),
    runner: (run, runnerOptions = {}) => {
      const using = runnerOptions.api ?? api;
      const factory = new TicketFactory(
        using,
        ticket,
        template,
        { campaignTag: tag, markerTag: 'proactive_campaign', agentId: admin.id },
        new OrganizationDirectory(using),
        customers,
      );
      return new SendRunner(run, {
        api: using,
        factory,
        isAdmin: runnerOptions.isAdmin ?? true,
        save: runnerOptions.save ?? (() => undefined),
      });
    },
    ticketsPerCustomer() {
      const counts = new Map<number, number>();
      for (const { ticket: t } of sim.account.tickets) {
        if (t.external_id !== campaignExternalId(tag, t.requester_id) || !t.tags.includes(tag)) continue;
        counts.set(t.requester_id, (counts.get(t.requester_id) ?? 0) + 1);
      }
      return counts;
    },
  };
}

/** A small seeded random source, so backoff jitter repeats run to run. */
export function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
