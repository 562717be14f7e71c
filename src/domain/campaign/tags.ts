/**
 * Campaign tags. Every ticket of a campaign carries the campaign's own tag (its view, trigger
 * and history find the campaign by it) and the marker tag shared by all campaigns (frequency cap
 * and team history find every campaign ticket by it).
 *
 * Zendesk stores tags lower case and splits a value on spaces (support-api.md §9). Which other
 * characters survive is not documented, so campaign tags keep to a-z, 0-9 and underscores, the
 * set every Zendesk account accepts, and to at most MAX_TAG_LENGTH characters.
 */
export const MAX_TAG_LENGTH = 80;

/** Room kept at the end of a campaign tag for a wave suffix such as `_part_12`. */
const WAVE_SUFFIX_ROOM = 8;

/** `<prefix>campaign`: on every ticket any campaign creates. */
export function markerTag(prefix: string): string {
  return `${prefix}campaign`;
}

/** `<prefix>test_send`: on test tickets, which no campaign count includes. */
export function testTag(prefix: string): string {
  return `${prefix}test_send`;
}

/** Lower case, accents dropped, everything else between words becomes one underscore. */
export function tagSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export type CampaignTagProblem = 'empty' | 'too_long' | 'reserved';

export type CampaignTag = { tag: string } | { problem: CampaignTagProblem; tag: string };

/**
 * The campaign tag for a name (or for the tag the agent typed instead, for names with no Latin
 * letters or digits such as Korean or Japanese ones).
 */
export function campaignTag(prefix: string, source: string): CampaignTag {
  const slug = tagSlug(source);
  const tag = `${prefix}${slug}`;
  if (slug === '') return { problem: 'empty', tag };
  if (tag.length > MAX_TAG_LENGTH - WAVE_SUFFIX_ROOM) return { problem: 'too_long', tag };
  if (tag === markerTag(prefix) || tag === testTag(prefix)) return { problem: 'reserved', tag };
  return { tag };
}

/** The longest name part a campaign tag can hold with this prefix. */
export function maxSlugLength(prefix: string): number {
  return MAX_TAG_LENGTH - WAVE_SUFFIX_ROOM - prefix.length;
}

/** `<campaign tag>_part_2`: the second wave of a campaign sent in parts. */
export function waveTag(campaign: string, wave: number): string {
  return `${campaign}_part_${wave}`;
}

/** Extra tags the agent adds: the same rules, empty ones dropped, no duplicates. */
export function extraTags(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const word of value.split(/[\s,]+/)) {
      const slug = tagSlug(word);
      if (slug !== '' && slug.length <= MAX_TAG_LENGTH && !out.includes(slug)) out.push(slug);
    }
  }
  return out;
}
