import { readDraft, type CampaignDraft, type DraftReading } from '../domain/campaign/draft.ts';
import { agentKey, type KeyValueStore } from './key-value-store.ts';

/** The agent's campaign draft in this account: one at a time, as the flow works on one campaign. */
export class DraftStore {
  private readonly key: string;

  constructor(
    private readonly store: KeyValueStore,
    owner: { subdomain: string | null; userId: number },
  ) {
    this.key = agentKey('draft', owner);
  }

  /** False when the browser keeps nothing for the app: the draft lasts as long as the page. */
  get persistent(): boolean {
    return this.store.persistent;
  }

  load(fresh: () => CampaignDraft): DraftReading {
    return readDraft(this.store.get(this.key), fresh);
  }

  save(draft: CampaignDraft): boolean {
    return this.store.set(this.key, draft);
  }

  clear(): void {
    this.store.remove(this.key);
  }
}
