import en from '../../translations/en.json';
import ja from '../../translations/ja.json';
import ko from '../../translations/ko.json';

export type Locale = 'en' | 'ko' | 'ja';
export const LOCALES: readonly Locale[] = ['en', 'ko', 'ja'];

/** Flattened catalogs: `{a: {b: 'x'}}` becomes `{'a.b': 'x'}`. All three are bundled (a few kB). */
export type Catalog = Readonly<Record<string, string>>;

export const catalogs: Readonly<Record<Locale, Catalog>> = {
  en: flattenTranslations(en),
  ko: flattenTranslations(ko),
  ja: flattenTranslations(ja),
};

/**
 * Zendesk translation files may also hold `{title, value}` leaves (the runtime uses `value`),
 * so those are read as strings too.
 */
export function flattenTranslations(tree: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof tree !== 'object' || tree === null) return out;
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else if (isTitleValue(value)) out[path] = value.value;
    else Object.assign(out, flattenTranslations(value, path));
  }
  return out;
}

function isTitleValue(value: unknown): value is { title: string; value: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { value?: unknown }).value === 'string' &&
    typeof (value as { title?: unknown }).title === 'string'
  );
}

/** Placeholder names used in a message, e.g. `{{count}} customers` → ['count']. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

/** Zendesk locales such as `en-US`, `ko`, `ja-JP`, `pt-br` → one of ours; English otherwise. */
export function resolveLocale(zendeskLocale: string | null | undefined): Locale {
  const language = (zendeskLocale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language) ?? 'en';
}
