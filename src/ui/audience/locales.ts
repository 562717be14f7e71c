/**
 * Locales offered for the language condition: the languages Zendesk supports for end users most
 * often. A customer's locale outside the list can still be matched by typing it in the CSV, or by
 * a time zone or email domain condition.
 */
export const COMMON_LOCALES = [
  'en-US',
  'en-GB',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt-BR',
  'ja',
  'ko',
  'zh-cn',
  'zh-tw',
] as const;
