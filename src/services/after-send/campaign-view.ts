import {
  campaignViewDefinition,
  isCampaignView,
  preferredView,
  viewAudienceOf,
  viewAudiencesToTry,
} from '../../domain/after-send/campaign-view.ts';
import {
  createView,
  deleteView,
  isZendeskError,
  listViews,
  type SupportApiClient,
  type View,
} from '../../zendesk/index.ts';

export interface CampaignViewResult {
  view: View;
  kind: 'shared' | 'personal' | 'group';
  /** True when this call created it (false: it was there already, from an earlier wave or browser). */
  created: boolean;
  /**
   * Why it is personal when the app would rather have shared it: a plain agent may only create
   * personal views, and a custom role may have been refused a shared one (403).
   */
  personalBecause: 'agent_role' | 'refused_shared' | null;
}

export interface CampaignViewRequest {
  campaign: { name: string; tag: string };
  role: 'admin' | 'agent' | 'custom';
  userId: number;
  words: { title: string; description: string };
}

/** The campaign's view among the views this agent can see (shared ones and their own personal ones). */
export async function findCampaignView(api: SupportApiClient, tag: string): Promise<View | undefined> {
  return preferredView((await listViews(api)).filter((v) => isCampaignView(v, tag)));
}

/**
 * The one view of a campaign: found if it exists (a resumed send, the next wave, a colleague's
 * shared view), else created. After creating, the list is read once more: if another browser
 * created one at the same moment, everybody keeps the same one (preferredView) and ours goes.
 * A colleague's personal view is invisible to this agent, so an agent who sends a later wave of a
 * campaign whose only view is someone else's personal one gets a personal view of their own.
 */
export async function ensureCampaignView(
  api: SupportApiClient,
  request: CampaignViewRequest,
): Promise<CampaignViewResult> {
  const { campaign, role, userId, words } = request;
  const visible = (await listViews(api)).filter((v) => isCampaignView(v, campaign.tag));
  const existing = preferredView(visible);
  if (existing) {
    await removeCopies(api, visible, existing, words);
    return { view: existing, kind: viewAudienceOf(existing), created: false, personalBecause: null };
  }

  const audiences = viewAudiencesToTry(role, userId);
  let personalBecause: CampaignViewResult['personalBecause'] = role === 'agent' ? 'agent_role' : null;
  let created: View | undefined;
  for (const [index, audience] of audiences.entries()) {
    try {
      created = await createView(api, campaignViewDefinition(campaign, audience, words));
      break;
    } catch (error) {
      const last = index === audiences.length - 1;
      if (last || !isZendeskError(error) || error.kind !== 'permission') throw error;
      personalBecause = 'refused_shared';
    }
  }
  if (!created) throw new Error('no view audience to try');

  const all = (await listViews(api)).filter((v) => isCampaignView(v, campaign.tag));
  const keep = preferredView(all.some((v) => v.id === created.id) ? all : [...all, created]) ?? created;
  await removeCopies(
    api,
    all.filter((v) => v.id !== created.id),
    keep,
    words,
  );
  if (keep.id !== created.id) {
    try {
      await deleteView(api, created.id);
    } catch {
      // Left over, but harmless: it shows the same tickets, and every browser opens `keep`.
    }
    return { view: keep, kind: viewAudienceOf(keep), created: false, personalBecause: null };
  }
  return { view: created, kind: viewAudienceOf(created), created: true, personalBecause };
}

/**
 * Copies of the kept view that this app made in the same words: a POST the browser replayed by
 * itself makes two, and a page that went away between making its view and removing its extra
 * one leaves both. Every browser keeps the same one (preferredView), so they go; a view of the
 * campaign someone made or renamed by hand, or of another audience, is left alone.
 */
async function removeCopies(
  api: SupportApiClient,
  views: readonly View[],
  keep: View,
  words: CampaignViewRequest['words'],
): Promise<void> {
  for (const view of views) {
    if (view.id === keep.id || view.title !== words.title || viewAudienceOf(view) !== viewAudienceOf(keep)) continue;
    try {
      await deleteView(api, view.id);
    } catch {
      // Left over, but harmless: it shows the same tickets, and every browser opens `keep`.
    }
  }
}
