import { readSendRun, type SendRun } from '../domain/send/send-run.ts';
import { agentKey, type KeyValueStore } from './key-value-store.ts';

export interface SendSummary {
  id: string;
  campaignName: string;
  campaignTag: string;
  wave: number;
  waves: number;
  status: SendRun['status'];
  updatedAt: number;
}

/** Finished sends older than this are forgotten here (the campaign history in Zendesk keeps them). */
const KEEP_FINISHED_MS = 30 * 24 * 3600_000;

/**
 * The agent's send journals in this account: one entry per run plus an index, so the app can
 * offer to resume the one that was interrupted. Written on every step of a send.
 */
export class SendJournal {
  private readonly prefix: string;
  private readonly indexKey: string;

  constructor(
    private readonly store: KeyValueStore,
    owner: { subdomain: string | null; userId: number },
  ) {
    this.prefix = `${agentKey('send', owner)}:`;
    this.indexKey = agentKey('sends', owner);
  }

  save(run: SendRun): boolean {
    const ok = this.store.set(this.prefix + run.id, run);
    const others = this.index().filter((s) => s.id !== run.id);
    const summary: SendSummary = {
      id: run.id,
      campaignName: run.campaign.name,
      campaignTag: run.campaign.tag,
      wave: run.campaign.wave,
      waves: run.campaign.waves,
      status: run.status,
      updatedAt: run.updatedAt,
    };
    this.store.set(this.indexKey, [summary, ...others]);
    return ok;
  }

  load(id: string): SendRun | null {
    return readSendRun(this.store.get(this.prefix + id));
  }

  index(): SendSummary[] {
    const raw = this.store.get(this.indexKey);
    return Array.isArray(raw) ? (raw as SendSummary[]).filter((s) => typeof s?.id === 'string') : [];
  }

  /** The most recent send that did not finish: the one to offer to resume. */
  interrupted(): SendRun | null {
    for (const summary of this.index()) {
      if (summary.status === 'finished') continue;
      const run = this.load(summary.id);
      if (run && run.status !== 'finished') return run;
    }
    return null;
  }

  /** The sends of one campaign (its waves), newest first. */
  forCampaign(tag: string): SendRun[] {
    return this.index()
      .filter((s) => s.campaignTag === tag)
      .flatMap((s) => this.load(s.id) ?? []);
  }

  prune(now: number): void {
    const keep: SendSummary[] = [];
    for (const summary of this.index()) {
      if (summary.status === 'finished' && now - summary.updatedAt > KEEP_FINISHED_MS)
        this.store.remove(this.prefix + summary.id);
      else keep.push(summary);
    }
    this.store.set(this.indexKey, keep);
  }
}
