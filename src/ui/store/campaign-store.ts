import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { newDraft, type AudienceDraft, type CampaignDraft, type TicketDraft } from '../../domain/campaign/draft.ts';
import type { DraftStore } from '../../storage/index.ts';

/** The steps of the campaign flow, in order (SPEC.md). */
export const STEPS = ['home', 'audience', 'compose', 'preview', 'send', 'history'] as const;
export type StepId = (typeof STEPS)[number];

export interface CampaignState {
  draft: CampaignDraft;
  /** Parts of the stored draft that could not be restored (told once to the agent). */
  restoreProblems: string[];
  /** False when the browser refused to keep the draft (storage full or blocked). */
  saved: boolean;
  step: StepId;
  goTo(step: StepId): void;
  updateAudience(change: (audience: AudienceDraft) => AudienceDraft): void;
  updateTicket(change: (ticket: TicketDraft) => TicketDraft): void;
  /** Starts over with an empty campaign (after a send, or on request). */
  startNewCampaign(): void;
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
      saved: true,
      step: 'home',
      goTo: (step) => set({ step }),
      updateAudience: (change) => set({ draft: touch({ ...get().draft, audience: change(get().draft.audience) }) }),
      updateTicket: (change) => set({ draft: touch({ ...get().draft, ticket: change(get().draft.ticket) }) }),
      startNewCampaign: () => set({ draft: fresh(), step: 'audience' }),
      dismissRestoreProblems: () => set({ restoreProblems: [] }),
    };
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const saved = options.drafts.save(store.getState().draft);
    if (saved !== store.getState().saved) store.setState({ saved });
  };
  store.subscribe((state, previous) => {
    if (state.draft === previous.draft) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, options.saveDelayMs ?? 300);
  });
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
