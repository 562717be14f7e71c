import { loadAccountFacts, type AccountFacts } from '../services/audience/account-facts.ts';
import { OrganizationDirectory } from '../services/compose/organization-directory.ts';
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
  return {
    ...services,
    session,
    user,
    store,
    homeData: supportApiHomeData(services.api),
    shared,
    organizations: new OrganizationDirectory(services.api),
    accountFacts: () => shared<AccountFacts>('account-facts', () => loadAccountFacts(services.api)),
  };
}
