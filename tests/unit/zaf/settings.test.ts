import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseAppSettings } from '../../../src/zaf/settings.ts';

describe('parseAppSettings (manifest parameters as Zendesk delivers them)', () => {
  it('uses the manifest defaults when nothing is set', () => {
    expect(parseAppSettings({ title: 'Proactive Campaigns' })).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseAppSettings(undefined).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('coerces numbers and checkboxes sent as strings, and treats "" as unset', () => {
    const { settings, problems } = parseAppSettings({
      default_group_id: '360001',
      campaign_size_cap: '250',
      frequency_cap_days: '14',
      agents_can_send: 'false',
      tag_prefix: '',
      api_budget_share: '30',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      defaultGroupId: 360001,
      campaignSizeCap: 250,
      frequencyCapDays: 14,
      agentsCanSend: false,
      tagPrefix: 'proactive_',
      apiBudgetShare: 30,
    });
  });

  it('accepts real numbers and booleans too', () => {
    const { settings } = parseAppSettings({ campaign_size_cap: 5000, agents_can_send: true, tag_prefix: 'promo_' });
    expect(settings).toMatchObject({ campaignSizeCap: 5000, agentsCanSend: true, tagPrefix: 'promo_' });
  });

  it('reports each invalid value and falls back to its default without losing the valid ones', () => {
    const { settings, problems } = parseAppSettings({
      campaign_size_cap: 'lots',
      frequency_cap_days: -3,
      agents_can_send: 'maybe',
      tag_prefix: 'Spring Sale ',
      default_group_id: '12.5',
      api_budget_share: 150,
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual([
      { setting: 'default_group_id', value: '12.5' },
      { setting: 'campaign_size_cap', value: 'lots' },
      { setting: 'frequency_cap_days', value: '-3' },
      { setting: 'agents_can_send', value: 'maybe' },
      { setting: 'tag_prefix', value: 'Spring Sale ' },
      { setting: 'api_budget_share', value: '150' },
    ]);
  });
});
