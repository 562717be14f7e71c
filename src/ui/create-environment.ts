import { loadAccountFacts, type AccountFacts } from '../services/audience/account-facts.ts';
import { DraftStore } from '../storage/index.ts';
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
  });
  let facts: Promise<AccountFacts> | undefined;
  return {
    ...services,
    session,
    user,
    store,
    homeData: supportApiHomeData(services.api),
    accountFacts: () => {
      // A failed load is not kept: the next screen that asks tries again.
      facts ??= loadAccountFacts(services.api).catch((error: unknown) => {
        facts = undefined;
        throw error;
      });
      return facts;
    },
  };
}
