import type { AudienceDraft } from '../../domain/campaign/draft.ts';
import type { SendRun } from '../../domain/send/send-run.ts';
import type { SupportApiClient } from '../../zendesk/index.ts';
import type { SendController, SendSnapshot } from '../send/send-controller.ts';
import type { CampaignRecords, RecordsAvailability } from './campaign-records.ts';
import type { CampaignViewResult } from './campaign-view.ts';

export type ViewState =
  | { status: 'waiting' }
  | { status: 'working' }
  | ({ status: 'ready' } & CampaignViewResult)
  | { status: 'failed'; error: unknown };

export type RecordState = { status: 'waiting' | 'working' } | { status: 'done'; availability: RecordsAvailability };

export interface FollowUpState {
  view: ViewState;
  record: RecordState;
}

export interface FollowUpOptions {
  api: SupportApiClient;
  /** The page's SendController (only what it tells its subscribers is needed). */
  sends: Pick<SendController, 'subscribe' | 'getSnapshot'>;
  /** Loaded with the first send: the records code is not needed before. */
  records: () => Promise<CampaignRecords>;
  user: { id: number; name: string; role: 'admin' | 'agent' | 'custom' };
  /** The view's title and description, in the agent's language. */
  viewWords: (campaign: { name: string; tag: string }) => { title: string; description: string };
  /** The audience of the draft a run was sent from, while this browser still has that draft. */
  audienceOf: (run: SendRun) => AudienceDraft | null;
}

const WAITING: FollowUpState = { view: { status: 'waiting' }, record: { status: 'waiting' } };

/**
 * What happens around a send, per campaign: its ticket view and its record in Zendesk.
 *
 * The view is made when the send's first ticket exists, not before and not at the end: never an
 * empty view for a send that created nothing, and there is one even if the send is interrupted
 * (the tab closed mid-way) or is sent in waves over days. It watches the page's one
 * SendController rather than living in a screen, so it happens whichever step the agent is on;
 * a resumed send or the next wave finds the view instead of making a second one
 * (ensureCampaignView). The record is written at the same moment, and again when a wave ends.
 * What it runs is loaded when the first ticket exists, so none of it weighs on the first screen.
 */
export class CampaignFollowUp {
  private states = new Map<string, FollowUpState>();
  private readonly listeners = new Set<() => void>();
  /** Campaign tags whose view was asked for in this page, and runs whose end was recorded. */
  private readonly started = new Set<string>();
  private readonly finished = new Set<string>();

  constructor(private readonly options: FollowUpOptions) {
    options.sends.subscribe(() => this.onSend(options.sends.getSnapshot()));
    // Made when the send's first ticket appeared (see createEnvironment): that moment counts too.
    this.onSend(options.sends.getSnapshot());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReadonlyMap<string, FollowUpState> => this.states;

  stateOf(tag: string): FollowUpState {
    return this.states.get(tag) ?? WAITING;
  }

  /** After a failure (shown with a Retry button). */
  retryView(run: SendRun): void {
    void this.ensure(run);
  }

  /** A trigger was created for the campaign: it goes into the record too. */
  noteTrigger(run: SendRun, triggerId: number): void {
    void this.writeRecord(run, [triggerId]);
  }

  private onSend(snapshot: SendSnapshot): void {
    const { run, phase } = snapshot;
    // Not while another tab sends: that tab looks after its own campaign.
    if (!run || (phase !== 'sending' && phase !== 'paused' && phase !== 'finished')) return;
    if (!run.created.some((id) => id > 0)) return;
    const tag = run.campaign.tag;
    if (!this.started.has(tag)) {
      this.started.add(tag);
      void this.ensure(run);
    }
    const end = `${run.id}:${run.finishedAt ?? ''}`;
    if (phase === 'finished' && !this.finished.has(end)) {
      this.finished.add(end);
      void this.writeRecord(run);
    }
  }

  private async ensure(run: SendRun): Promise<void> {
    const { campaign } = run;
    const { api, user, viewWords } = this.options;
    this.set(campaign.tag, { view: { status: 'working' } });
    let viewId: number | null = null;
    try {
      const { ensureCampaignView } = await import('./campaign-view.ts');
      const result = await ensureCampaignView(api, {
        campaign,
        role: user.role,
        userId: user.id,
        words: viewWords(campaign),
      });
      // Only a view others can open is worth keeping in the shared record.
      viewId = result.kind === 'personal' ? null : result.view.id;
      this.set(campaign.tag, { view: { status: 'ready', ...result } });
    } catch (error) {
      this.set(campaign.tag, { view: { status: 'failed', error } });
    }
    await this.writeRecord(run, [], viewId);
  }

  private async writeRecord(run: SendRun, triggerIds: readonly number[] = [], viewId: number | null = null) {
    const { records, user, audienceOf } = this.options;
    const tag = run.campaign.tag;
    this.set(tag, { record: { status: 'working' } });
    let availability: RecordsAvailability;
    try {
      const [{ recordAfterSend, audienceSummary }, store] = await Promise.all([
        import('../../domain/after-send/campaign-record.ts'),
        records(),
      ]);
      const audience = audienceOf(run);
      availability = await store.update(tag, (existing) =>
        recordAfterSend(existing, {
          run,
          author: { id: user.id, name: user.name },
          audience: audience && audienceSummary(audience),
          viewId,
          triggerIds,
        }),
      );
    } catch (error) {
      // The code could not be loaded (the app was updated, the network dropped).
      availability = { kind: 'unavailable', reason: 'failed', error };
    }
    this.set(tag, { record: { status: 'done', availability } });
  }

  private set(tag: string, change: Partial<FollowUpState>): void {
    const next = new Map(this.states);
    next.set(tag, { ...this.stateOf(tag), ...change });
    this.states = next;
    for (const listener of this.listeners) listener();
  }
}
