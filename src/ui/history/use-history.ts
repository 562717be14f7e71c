import { useCallback } from 'react';
import { isCampaignView, preferredView } from '../../domain/after-send/campaign-view.ts';
import type { CampaignSighting } from '../../domain/after-send/campaign-history.ts';
import { markerTag } from '../../domain/campaign/tags.ts';
import { loadHistory, type History } from '../../services/after-send/campaign-history.ts';
import { listViews, type View } from '../../zendesk/index.ts';
import { useEnvironment } from '../environment.tsx';
import { useLoad } from '../shared/use-load.ts';

export interface HistoryData extends History {
  /** The views this agent can open, to link each campaign to its own. */
  views: View[];
}

/** The view of a campaign this agent can open: the recorded one if visible, else any that shows its tag. */
export function viewFor(views: readonly View[], tag: string, recordedId: number | null): View | undefined {
  const recorded = recordedId === null ? undefined : views.find((v) => v.id === recordedId);
  return recorded ?? preferredView(views.filter((v) => isCampaignView(v, tag)));
}

/** The history as this agent sees it, loaded when the step opens and again on `retry`. */
export function useHistory() {
  const { api, records, journal, session, user } = useEnvironment();
  const load = useCallback(async (): Promise<HistoryData> => {
    // This browser's own sends: known at once, before search has indexed their tickets.
    const local: CampaignSighting[] = journal.index().flatMap((summary) => {
      const run = journal.load(summary.id);
      if (!run || !run.created.some((id) => id > 0)) return [];
      return [
        {
          tag: summary.campaignTag,
          name: summary.campaignName,
          authorId: user.id,
          authorName: user.name,
          firstSentAt: run.startedAt,
          lastSentAt: run.updatedAt,
        },
      ];
    });
    const [history, views] = await Promise.all([
      loadHistory(api, { markerTag: markerTag(session.settings.tagPrefix), records: await records(), local }),
      listViews(api),
    ]);
    return { ...history, views };
  }, [api, records, journal, session.settings.tagPrefix, user.id, user.name]);
  return useLoad(load);
}
