import type { Random } from '../../sandbox/simulator/prng.ts';
import { simulatorTransport } from '../../sandbox/simulator/transport.ts';
import { CampaignTemplate } from '../../src/domain/compose/campaign-template.ts';
import { yesNoFor } from '../../src/i18n/customer-words.ts';
import { CampaignFollowUp } from '../../src/services/after-send/campaign-follow-up.ts';
import { CampaignRecords } from '../../src/services/after-send/campaign-records.ts';
import { OrganizationDirectory } from '../../src/services/compose/organization-directory.ts';
import { SendController } from '../../src/services/send/send-controller.ts';
import { TicketFactory } from '../../src/services/send/ticket-factory.ts';
import { memorySendLock, SendJournal, type KeyValueStore } from '../../src/storage/index.ts';
import { SupportApiClient, ZAF_APP_RPM, type Transport, type TransportRequest } from '../../src/zendesk/index.ts';
import type { SendWorld } from './send-world.ts';

/**
 * One page of the app inside Zendesk, wired as create-environment.ts wires it (one Support API
 * client paced as main.tsx paces it, the send journal in the browser's storage, one
 * SendController, the campaign follow-up watching it), that can go away at any moment: `close()`
 * is the reload. From then on nothing of the page acts any more: its requests get no answer, a
 * request not yet on the wire never leaves, its storage writes are lost. A request already on
 * the wire still reaches Zendesk (or not: the browser may cancel it first), as over a network.
 */
export interface AppPage {
  api: SupportApiClient;
  journal: SendJournal;
  sends: SendController;
  followUp: CampaignFollowUp;
  readonly closed: boolean;
  /** Settles when the page goes away. */
  readonly gone: Promise<void>;
  close(): void;
}

export function openPage(
  world: SendWorld,
  options: {
    /** The browser's storage for the app: the same object across reloads, unless it was lost. */
    storage: KeyValueStore;
    /** Seeded: backoff jitter, and whether a request in flight at the reload still reaches Zendesk. */
    random: Random;
    latencyMs?: number;
    /** Called as each request of the page leaves for Zendesk (a test may close the page then). */
    onWire?: (request: TransportRequest) => void;
  },
): AppPage {
  let closed = false;
  let markGone: () => void = () => undefined;
  const gone = new Promise<void>((resolve) => (markGone = resolve));
  const transport = pageTransport(world, options.random, options.latencyMs ?? 150, {
    isClosed: () => closed,
    onWire: options.onWire,
  });
  const api = new SupportApiClient({
    transport,
    clock: world.clock,
    random: () => options.random.next(),
    scheduler: { rpm: ZAF_APP_RPM, budgetShare: 0.5, maxAttempts: 3, backoffMaxMs: 2_000 },
  });
  // The page's writes stop with the page (a write cannot happen after the reload).
  const storage: KeyValueStore = {
    get persistent() {
      return options.storage.persistent;
    },
    get: (key) => options.storage.get(key),
    set: (key, value) => (closed ? false : options.storage.set(key, value)),
    remove: (key) => {
      if (!closed) options.storage.remove(key);
    },
    keys: (prefix) => options.storage.keys(prefix),
  };
  const owner = { subdomain: 'demo', userId: world.admin.id };
  const journal = new SendJournal(storage, owner);
  const organizations = new OrganizationDirectory(api);
  const sends = new SendController({
    api,
    journal,
    // Web Locks are released by the browser when the page goes: each page starts with none held.
    lock: memorySendLock(),
    isAdmin: true,
    lockName: (run) => `pc1-send:demo:${owner.userId}:${run.campaign.tag}`,
    createFactory: (run, known) => {
      const template = new CampaignTemplate(run.campaign.ticket, { userFields: [], organizationFields: [] }, yesNoFor);
      const identity = {
        campaignTag: run.campaign.tag,
        markerTag: run.campaign.markerTag,
        ...(run.campaign.waveTag ? { waveTag: run.campaign.waveTag } : {}),
        agentId: run.agentId,
      };
      return Promise.resolve(new TicketFactory(api, run.campaign.ticket, template, identity, organizations, known));
    },
  });
  const followUp = new CampaignFollowUp({
    api,
    sends,
    records: () => Promise.resolve(new CampaignRecords(api, true)),
    user: { id: world.admin.id, name: world.admin.name, role: 'admin' },
    viewWords: (campaign) => ({ title: `Campaign: ${campaign.name}`, description: campaign.tag }),
    audienceOf: () => null,
  });
  return {
    api,
    journal,
    sends,
    followUp,
    get closed() {
      return closed;
    },
    gone,
    close() {
      closed = true;
      markGone();
    },
  };
}

/** Never settles: what a request of a page that is gone waits for. */
function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

function pageTransport(
  world: SendWorld,
  random: Random,
  latencyMs: number,
  page: { isClosed: () => boolean; onWire: ((request: TransportRequest) => void) | undefined },
): Transport {
  const { isClosed } = page;
  const wire = simulatorTransport(world.sim, { latencyMs: 0 });
  return {
    async request(request) {
      if (isClosed()) return never();
      page.onWire?.(request);
      await world.clock.sleep(latencyMs / 2);
      // Closed while on its way: the browser may have cancelled it before Zendesk read it.
      if (isClosed() && random.chance(0.5)) return never();
      let answer: Awaited<ReturnType<Transport['request']>> | undefined;
      let failure: { error: unknown } | undefined;
      try {
        answer = await wire.request(request);
      } catch (error) {
        failure = { error };
      }
      await world.clock.sleep(latencyMs / 2);
      if (isClosed()) return never();
      if (failure) throw failure.error;
      if (!answer) throw new Error('no answer from the simulator');
      return answer;
    },
  };
}
