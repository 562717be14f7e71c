import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  newDraft,
  readDraft,
  type AudienceDraft,
  type CampaignDraft,
  type TicketDraft,
} from '../../domain/campaign/draft.ts';
import {
  RemoteDraftUnavailable,
  type RemoteDraftProblem,
  type RemoteDrafts,
} from '../../services/drafts/zendesk-drafts.ts';
import type { DraftStore } from '../../storage/index.ts';

/** The steps of the campaign flow, in order (SPEC.md). */
export const STEPS = ['home', 'audience', 'compose', 'preview', 'send', 'history'] as const;
export type StepId = (typeof STEPS)[number];

export interface CampaignState {
  draft: CampaignDraft;
  /** Parts of the stored draft that could not be restored (told once to the agent). */
  restoreProblems: string[];
  /** False when the browser refused to keep the draft (storage full or blocked) and Zendesk could not either. */
  saved: boolean;
  /** Why the draft is not kept, when it is not. */
  notSavedBecause: 'browser' | RemoteDraftProblem | null;
  /** The draft kept in Zendesk is being read (browsers without storage for the app). */
  restoring: boolean;
  step: StepId;
  goTo(step: StepId): void;
  updateAudience(change: (audience: AudienceDraft) => AudienceDraft): void;
  updateTicket(change: (ticket: TicketDraft) => TicketDraft): void;
  /** Starts over with an empty campaign (after a send, or on request). */
  startNewCampaign(): void;
  /**
   * Writes the draft now instead of after the pause that groups edits: a send is about to start,
   * and a reload in its first seconds must still find the draft it was sent from.
   */
  saveNow(): void;
  dismissRestoreProblems(): void;
}

export type CampaignStore = StoreApi<CampaignState>;

export interface CampaignStoreOptions {
  drafts: DraftStore;
  now: () => number;
  newId: () => string;
  defaultGroupId: number | null;
  /** How long edits wait before being written (each keystroke need not hit localStorage). */
  saveDelayMs?: number;
  /**
   * Where the draft is kept when the browser keeps nothing for the app (DraftStore not
   * persistent): a record in Zendesk. Its writes are requests, so they wait longer.
   */
  remote?: RemoteDrafts;
}

/**
 * The one campaign store: the draft the agent is preparing, shared by every step's screen.
 * Every change is written to the browser shortly after it happens, and at once when the page is
 * hidden or closed, so a reload never loses an edit.
 */
export function createCampaignStore(options: CampaignStoreOptions): CampaignStore {
  const fresh = () => newDraft({ id: options.newId(), now: options.now(), defaultGroupId: options.defaultGroupId });
  const restored = options.drafts.load(fresh);
  const store = createStore<CampaignState>()((set, get) => {
    const touch = (draft: CampaignDraft): CampaignDraft => ({ ...draft, updatedAt: options.now() });
    return {
      draft: restored.draft,
      restoreProblems: restored.reset,
      saved: options.drafts.persistent || options.remote !== undefined,
      notSavedBecause: options.drafts.persistent || options.remote !== undefined ? null : 'browser',
      restoring: !options.drafts.persistent && options.remote !== undefined,
      step: 'home',
      goTo: (step) => set({ step }),
      updateAudience: (change) => set({ draft: touch({ ...get().draft, audience: change(get().draft.audience) }) }),
      updateTicket: (change) => set({ draft: touch({ ...get().draft, ticket: change(get().draft.ticket) }) }),
      startNewCampaign: () => set({ draft: fresh(), step: 'audience' }),
      dismissRestoreProblems: () => set({ restoreProblems: [] }),
      saveNow: () => flush(),
    };
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const remote = options.drafts.persistent ? undefined : options.remote;
  // The draft Zendesk already holds: hiding the tab before the stored draft has arrived must not
  // write the empty new one over it, and an unchanged draft costs no request.
  let keptRemotely: CampaignDraft | null = restored.draft;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const draft = store.getState().draft;
    if (!remote) {
      const saved = options.drafts.save(draft) && options.drafts.persistent;
      if (saved !== store.getState().saved) store.setState({ saved, notSavedBecause: saved ? null : 'browser' });
      return;
    }
    if (draft === keptRemotely) return;
    keptRemotely = draft;
    remote.save(draft).then(
      () => store.setState({ saved: true, notSavedBecause: null }),
      (error: unknown) => {
        if (keptRemotely === draft) keptRemotely = null; // the next hide or edit tries again
        store.setState({
          saved: false,
          notSavedBecause: error instanceof RemoteDraftUnavailable ? error.problem : 'failed',
        });
      },
    );
  };
  store.subscribe((state, previous) => {
    if (state.draft === previous.draft) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, remote ? 2_500 : (options.saveDelayMs ?? 300));
  });
  if (remote) {
    remote.load().then(
      (kept) => {
        const untouched = store.getState().draft === restored.draft;
        const reading = readDraft(kept.raw, fresh);
        if (kept.raw !== undefined && untouched) {
          keptRemotely = reading.draft;
          const problems: string[] = [...reading.reset];
          if (kept.listNotKept) problems.push('customer_list');
          store.setState({ draft: reading.draft, restoreProblems: problems });
        }
        store.setState({ restoring: false });
      },
      (error: unknown) =>
        store.setState({
          restoring: false,
          saved: false,
          notSavedBecause: error instanceof RemoteDraftUnavailable ? error.problem : 'failed',
        }),
    );
  }
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  }
  return store;
}

export function useCampaign<T>(store: CampaignStore, select: (state: CampaignState) => T): T {
  return useStore(store, select);
}
