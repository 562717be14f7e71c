import { createContext, useContext, type ReactNode } from 'react';
import type { AccountFacts } from '../services/audience/account-facts.ts';
import type { OrganizationDirectory } from '../services/compose/organization-directory.ts';
import type { KeyValueStore, SendJournal, SendLock } from '../storage/index.ts';
import type { SendController } from '../services/send/send-controller.ts';
import type { CampaignFollowUp } from '../services/after-send/campaign-follow-up.ts';
import type { CampaignRecords } from '../services/after-send/campaign-records.ts';
import type { ZendeskSession } from '../zaf/connect.ts';
import type { CurrentUser } from '../zaf/current-user.ts';
import type { SupportApiClient } from '../zendesk/index.ts';
import type { HomeData } from './home/home-data.ts';
import type { CampaignStore } from './store/campaign-store.ts';

/** What the app needs from its surroundings for one signed-in session (real in main.tsx, simulated in tests). */
export interface SessionServices {
  /** The one Support API client: it owns the request budget every screen shares. */
  api: SupportApiClient;
  storage: KeyValueStore;
  /** One sender per campaign across the agent's tabs (Web Locks in the browser). */
  lock: SendLock;
  now: () => number;
  newId: () => string;
}

export interface AppEnvironment extends SessionServices {
  session: ZendeskSession;
  user: CurrentUser;
  store: CampaignStore;
  homeData: HomeData;
  /** Fields, time zone and organization rules of the account, loaded once and shared. */
  accountFacts: () => Promise<AccountFacts>;
  /**
   * A value loaded once per session under `key` and shared by every screen that asks (a failed
   * load is forgotten, so the next screen tries again).
   */
  shared: <T>(key: string, load: () => Promise<T>) => Promise<T>;
  /** Organization records, fetched once for the preview, the placeholder report and sending. */
  organizations: OrganizationDirectory;
  /** The page's one send, which keeps going while the agent is on other steps. */
  sends: SendController;
  journal: SendJournal;
  /** The campaign's view and record, made as the page's send goes (flow step 5); loaded with the first ticket. */
  followUp: () => Promise<CampaignFollowUp>;
  /** Campaign records in Zendesk (custom objects), where the account allows them; loaded on first use. */
  records: () => Promise<CampaignRecords>;
}

const EnvironmentContext = createContext<AppEnvironment | null>(null);

export function EnvironmentProvider({ value, children }: { value: AppEnvironment; children: ReactNode }) {
  return <EnvironmentContext.Provider value={value}>{children}</EnvironmentContext.Provider>;
}

export function useEnvironment(): AppEnvironment {
  const value = useContext(EnvironmentContext);
  if (!value) throw new Error('useEnvironment outside EnvironmentProvider');
  return value;
}
