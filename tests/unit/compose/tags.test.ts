/**
 * The campaign tag the agent is shown for a name (and that every ticket of the campaign carries):
 * lower case, accents dropped, anything else between words one underscore, the prefix in front,
 * short enough for a wave suffix, never the marker or test tag.
 */
import { describe, expect, it } from 'vitest';
import {
  campaignTag,
  extraTags,
  markerTag,
  MAX_TAG_LENGTH,
  maxSlugLength,
  tagSlug,
  testTag,
  waveTag,
} from '../../../src/domain/campaign/tags.ts';

const PREFIX = 'proactive_';

describe('a name as a tag', () => {
  it.each([
    ['Spring Renewal', 'proactive_spring_renewal'],
    ['RENEWALS 2027', 'proactive_renewals_2027'],
    ['Crème brûlée Ärger Señor', 'proactive_creme_brulee_arger_senor'],
    ['Q3 — price change!!', 'proactive_q3_price_change'],
    ['  spaced   out  ', 'proactive_spaced_out'],
    ['__a--b..c__', 'proactive_a_b_c'],
    ['Spring: check-in (EMEA)', 'proactive_spring_check_in_emea'],
    ['ﬁnal ①', 'proactive_final_1'],
  ])('%s → %s', (name, tag) => {
    expect(campaignTag(PREFIX, name)).toEqual({ tag });
  });

  it('uses the prefix the admin chose', () => {
    expect(campaignTag('acme_', 'Renewal')).toEqual({ tag: 'acme_renewal' });
    expect(campaignTag('', 'Renewal')).toEqual({ tag: 'renewal' });
  });

  it.each([
    ['Korean', '봄맞이 안내'],
    ['Japanese', '春のお知らせ'],
    ['punctuation only', '!!! ???'],
    ['blank', '   '],
  ])('gives no tag for a %s name (the agent types one instead)', (_what, name) => {
    expect(campaignTag(PREFIX, name)).toEqual({ problem: 'empty', tag: PREFIX });
  });

  it('keeps the Latin part of a mixed name', () => {
    expect(campaignTag(PREFIX, '2027 봄 renewal')).toEqual({ tag: 'proactive_2027_renewal' });
  });
});

describe('the length limit leaves room for a wave suffix', () => {
  const room = maxSlugLength(PREFIX);

  it('accepts the longest name part that fits, and its wave tags stay within the limit', () => {
    expect(room).toBe(MAX_TAG_LENGTH - 8 - PREFIX.length);
    const result = campaignTag(PREFIX, 'a'.repeat(room));
    expect(result).toEqual({ tag: PREFIX + 'a'.repeat(room) });
    expect(waveTag(result.tag, 12).length).toBeLessThanOrEqual(MAX_TAG_LENGTH);
  });

  it('refuses one character more, showing the tag it would be', () => {
    expect(campaignTag(PREFIX, 'a'.repeat(room + 1))).toEqual({
      problem: 'too_long',
      tag: PREFIX + 'a'.repeat(room + 1),
    });
  });

  it('counts the tag after cleaning, not the name as typed', () => {
    const name = `${'a '.repeat(room)}`; // "a a a …": every space becomes an underscore
    const result = campaignTag(PREFIX, name);
    expect('problem' in result && result.problem).toBe('too_long');
    expect(campaignTag(PREFIX, `${'!'.repeat(200)}renewal`)).toEqual({ tag: 'proactive_renewal' });
  });
});

describe('reserved tags', () => {
  it('refuses a name that gives the marker tag every campaign ticket carries', () => {
    expect(markerTag(PREFIX)).toBe('proactive_campaign');
    expect(campaignTag(PREFIX, 'Campaign')).toEqual({ problem: 'reserved', tag: 'proactive_campaign' });
  });

  it('refuses a name that gives the test-send tag', () => {
    expect(testTag(PREFIX)).toBe('proactive_test_send');
    expect(campaignTag(PREFIX, 'Test send')).toEqual({ problem: 'reserved', tag: 'proactive_test_send' });
    expect(campaignTag('acme_', 'test-send')).toEqual({ problem: 'reserved', tag: 'acme_test_send' });
  });

  it('accepts names that only look alike', () => {
    expect(campaignTag(PREFIX, 'Campaigns')).toEqual({ tag: 'proactive_campaigns' });
    expect(campaignTag(PREFIX, 'Test sending')).toEqual({ tag: 'proactive_test_sending' });
  });
});

describe('wave tags', () => {
  it('numbers the parts of a campaign', () => {
    expect(waveTag('proactive_renewal', 2)).toBe('proactive_renewal_part_2');
  });
});

describe('extra tags', () => {
  it('cleans each word, splits on spaces and commas, drops empties and repeats', () => {
    expect(extraTags(['VIP, renewal', 'Renewal  q3', '', '   ', 'Ärger', '봄'])).toEqual([
      'vip',
      'renewal',
      'q3',
      'arger',
    ]);
  });

  it('turns punctuation inside a word into underscores', () => {
    expect(extraTags(['follow-up', 'tier.1'])).toEqual(['follow_up', 'tier_1']);
  });

  it('drops a tag longer than Zendesk keeps', () => {
    expect(extraTags(['a'.repeat(MAX_TAG_LENGTH), 'b'.repeat(MAX_TAG_LENGTH + 1)])).toEqual([
      'a'.repeat(MAX_TAG_LENGTH),
    ]);
  });

  it('tagSlug is the one cleaning rule', () => {
    expect(tagSlug('  Ça va? ')).toBe('ca_va');
  });
});
