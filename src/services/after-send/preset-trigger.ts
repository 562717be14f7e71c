import {
  isCampaignTrigger,
  presetTrigger,
  TRIGGER_CATEGORY_NAME,
  type NotificationWords,
  type PresetPlan,
} from '../../domain/after-send/trigger-presets.ts';
import {
  createTrigger,
  createTriggerCategory,
  isZendeskError,
  listActiveTriggers,
  listTriggerCategories,
  type SupportApiClient,
  type Trigger,
} from '../../zendesk/index.ts';

/**
 * The category a new trigger goes in. Accounts with trigger categories need one on every trigger
 * (whether Zendesk requires it is unverified, support-api.md §8; public code always sends one):
 * the app files its triggers under its own category, made on first use; an account at the
 * 500-category limit gets its first category instead. Accounts without categories answer 403
 * TriggerCategoriesNotEnabled, and the trigger goes without one.
 */
export async function triggerCategoryFor(api: SupportApiClient): Promise<string | null> {
  let categories;
  try {
    categories = await listTriggerCategories(api);
  } catch (error) {
    if (isZendeskError(error) && error.code === 'TriggerCategoriesNotEnabled') return null;
    throw error;
  }
  const ours = categories.find((c) => c.name === TRIGGER_CATEGORY_NAME);
  if (ours) return ours.id;
  try {
    return (await createTriggerCategory(api, { name: TRIGGER_CATEGORY_NAME })).id;
  } catch (error) {
    const first = categories[0];
    if (isZendeskError(error) && error.code === 'ProductLimitExceeded' && first) return first.id;
    throw error;
  }
}

/** Creates the preset's trigger (admins only: anyone else gets a `permission` error, explained on screen). */
export async function createPresetTrigger(
  api: SupportApiClient,
  plan: PresetPlan,
  words: { title: string; description: string; email: NotificationWords },
): Promise<Trigger> {
  const categoryId = await triggerCategoryFor(api);
  return createTrigger(api, presetTrigger(plan, words, categoryId));
}

/** Active triggers that only fire on this campaign's tickets (those created here, or by hand). */
export async function findCampaignTriggers(api: SupportApiClient, tag: string): Promise<Trigger[]> {
  return (await listActiveTriggers(api)).filter((t) => isCampaignTrigger(t, tag));
}
