import { z } from 'zod';

/**
 * The installation settings an admin chose (manifest.json `parameters`). Zendesk hands them to
 * the app as whatever the settings form stored: numbers and checkboxes often arrive as strings
 * ("1000", "true", "") and unset values as null or "". Each setting is read on its own so one bad
 * value falls back to its default without hiding the others, and is reported so an admin can fix it.
 */
export interface AppSettings {
  defaultGroupId: number | null;
  campaignSizeCap: number;
  frequencyCapDays: number;
  agentsCanSend: boolean;
  tagPrefix: string;
  /** Percent of the account's per-minute API limit the app may use; the rest stays with the agents. */
  apiBudgetShare: number;
}

export type SettingName =
  | 'default_group_id'
  | 'campaign_size_cap'
  | 'frequency_cap_days'
  | 'agents_can_send'
  | 'tag_prefix'
  | 'api_budget_share';

export interface SettingProblem {
  setting: SettingName;
  /** What Zendesk delivered, as text, for the message shown to the user. */
  value: string;
}

export const DEFAULT_SETTINGS: AppSettings = {
  defaultGroupId: null,
  campaignSizeCap: 1000,
  frequencyCapDays: 0,
  agentsCanSend: true,
  tagPrefix: 'proactive_',
  apiBudgetShare: 50,
};

const unset = z.union([z.null(), z.undefined(), z.literal('')]);

const numberLike = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const booleanLike = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0']).transform((text) => text === 'true' || text === '1'),
]);

// Zendesk lower-cases tags and splits them on spaces; a prefix with anything else would not
// survive as part of a tag.
const tagPrefix = z
  .string()
  .trim()
  .regex(/^[a-z0-9_\-:/]{1,40}$/);

const readers = {
  default_group_id: numberLike.pipe(z.number().int().positive()),
  campaign_size_cap: numberLike.pipe(z.number().int().min(1).max(100_000)),
  frequency_cap_days: numberLike.pipe(z.number().int().min(0).max(3650)),
  agents_can_send: booleanLike,
  tag_prefix: tagPrefix,
  api_budget_share: numberLike.pipe(z.number().int().min(10).max(100)),
} satisfies Record<SettingName, z.ZodType>;

export function parseAppSettings(raw: unknown): { settings: AppSettings; problems: SettingProblem[] } {
  const input: Record<string, unknown> = isRecord(raw) ? raw : {};
  const problems: SettingProblem[] = [];

  function read<T>(name: SettingName, schema: z.ZodType<T>, fallback: T): T {
    const value = input[name];
    if (unset.safeParse(value).success) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push({ setting: name, value: describe(value) });
    return fallback;
  }

  const settings: AppSettings = {
    defaultGroupId: read<number | null>('default_group_id', readers.default_group_id, DEFAULT_SETTINGS.defaultGroupId),
    campaignSizeCap: read('campaign_size_cap', readers.campaign_size_cap, DEFAULT_SETTINGS.campaignSizeCap),
    frequencyCapDays: read('frequency_cap_days', readers.frequency_cap_days, DEFAULT_SETTINGS.frequencyCapDays),
    agentsCanSend: read('agents_can_send', readers.agents_can_send, DEFAULT_SETTINGS.agentsCanSend),
    tagPrefix: read('tag_prefix', readers.tag_prefix, DEFAULT_SETTINGS.tagPrefix),
    apiBudgetShare: read('api_budget_share', readers.api_budget_share, DEFAULT_SETTINGS.apiBudgetShare),
  };
  return { settings, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
