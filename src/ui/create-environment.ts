import type { AccountFacts } from '../services/audience/account-facts.ts';
import { OrganizationDirectory } from '../services/compose/organization-directory.ts';
import { DraftStore, SendJournal } from '../storage/index.ts';
import { yesNoFor } from '../i18n/customer-words.ts';
import { SendController } from '../services/send/send-controller.ts';
import { loadCatalogs, LOCALES, resolveLocale } from '../i18n/catalog.ts';
import { createTranslator } from '../i18n/translate.ts';
import type { CampaignFollowUp } from '../services/after-send/campaign-follow-up.ts';
import type { CampaignRecords } from '../services/after-send/campaign-records.ts';
import { campaignViewWords } from './done/view-words.ts';
import { zendeskDrafts } from '../services/drafts/zendesk-drafts.ts';
import type { ZendeskSession } from '../zaf/connect.ts';
import type { CurrentUser } from '../zaf/current-user.ts';
import type { AppEnvironment, SessionServices } from './environment.tsx';
import { supportApiHomeData } from './home/support-api-home-data.ts';
import { createCampaignStore } from './store/campaign-store.ts';

/** Wires one session: the campaign store (with its draft restored) and the shared account facts. */
export function createEnvironment(
  session: ZendeskSession,
  user: CurrentUser,
  services: SessionServices,
): AppEnvironment {
  const owner = { subdomain: session.context.subdomain, userId: user.id };
  const store = createCampaignStore({
    drafts: new DraftStore(services.storage, owner),
    now: services.now,
    newId: services.newId,
    defaultGroupId: session.settings.defaultGroupId,
    remote: zendeskDrafts(services.api, { userId: user.id, isAdmin: user.role.kind === 'admin' }),
  });
  const cache = new Map<string, Promise<unknown>>();
  const shared = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = cache.get(key) as Promise<T> | undefined;
    if (hit) return hit;
    const value = load();
    cache.set(key, value);
    value.catch(() => {
      if (cache.get(key) === value) cache.delete(key);
    });
    return value;
  };
  const organizations = new OrganizationDirectory(services.api);
  // The audience code (time zones, field catalog) comes with the first campaign step, not with the app.
  // Every language comes with them too: a customer's ticket speaks the customer's language
  // (yesNoFor), whichever the agent reads.
  const accountFacts = () =>
    shared<AccountFacts>('account-facts', async () => {
      const [{ loadAccountFacts }] = await Promise.all([
        import('../services/audience/account-facts.ts'),
        loadCatalogs(LOCALES),
      ]);
      return loadAccountFacts(services.api);
    });
  const journal = new SendJournal(services.storage, owner);
  journal.prune(services.now());
  const sends = new SendController({
    api: services.api,
    journal,
    lock: services.lock,
    isAdmin: user.role.kind === 'admin',
    lockName: (run) => `pc1-send:${owner.subdomain ?? ''}:${owner.userId}:${run.campaign.tag}`,
    createFactory: async (run, known) => {
      // Loaded with the first send, not with the app: the template engine is the largest part of it.
      const [facts, { CampaignTemplate }, { TicketFactory }] = await Promise.all([
        accountFacts(),
        import('../domain/compose/campaign-template.ts'),
        import('../services/send/ticket-factory.ts'),
      ]);
      const fields = { userFields: facts.userFields, organizationFields: facts.organizationFields };
      const template = new CampaignTemplate(run.campaign.ticket, fields, yesNoFor);
      const identity = {
        campaignTag: run.campaign.tag,
        markerTag: run.campaign.markerTag,
        ...(run.campaign.waveTag ? { waveTag: run.campaign.waveTag } : {}),
        agentId: run.agentId,
      };
      return new TicketFactory(services.api, run.campaign.ticket, template, identity, organizations, known);
    },
  });
  // Campaign records are needed after a send or in the history: their code comes with them.
  const records = () =>
    shared<CampaignRecords>('campaign-records', () =>
      import('../services/after-send/campaign-records.ts').then(
        ({ CampaignRecords }) => new CampaignRecords(services.api, user.role.kind === 'admin'),
      ),
    );
  // The view and record are made in Zendesk, in the agent's language, outside any screen (see
  // CampaignFollowUp). Its code is loaded when a send's first ticket exists, not with the app.
  const t = createTranslator(resolveLocale(user.locale));
  let followUpLoad: Promise<CampaignFollowUp> | null = null;
  const followUp = () =>
    (followUpLoad ??= import('../services/after-send/campaign-follow-up.ts').then(
      ({ CampaignFollowUp }) =>
        new CampaignFollowUp({
          api: services.api,
          sends,
          records,
          user: { id: user.id, name: user.name, role: user.role.kind === 'end-user' ? 'agent' : user.role.kind },
          viewWords: (campaign) => campaignViewWords(t, campaign),
          audienceOf: (run) => {
            const { draft } = store.getState();
            return draft.id === run.campaign.draftId ? draft.audience : null;
          },
        }),
    ));
  sends.subscribe(() => {
    if (sends.getSnapshot().run?.created.some((id) => id > 0)) void followUp();
  });
  return {
    ...services,
    followUp,
    records,
    session,
    user,
    store,
    homeData: supportApiHomeData(services.api),
    shared,
    organizations,
    sends,
    journal,
    accountFacts,
  };
}
