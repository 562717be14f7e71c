import en from '../../translations/en.json';

export type Locale = 'en' | 'ko' | 'ja';
export const LOCALES: readonly Locale[] = ['en', 'ko', 'ja'];

/** Flattened catalogs: `{a: {b: 'x'}}` becomes `{'a.b': 'x'}`. */
export type Catalog = Readonly<Record<string, string>>;

/**
 * English is bundled (the fallback, and what shows before Zendesk names the agent's language);
 * Korean and Japanese load on demand, so an agent downloads one language, not three (about
 * 25 kB gzip off the first screen).
 */
const loaders: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<unknown>>> = {
  ko: () => import('../../translations/ko.json').then((m) => m.default),
  ja: () => import('../../translations/ja.json').then((m) => m.default),
};

const loaded: Partial<Record<Locale, Catalog>> = { en: flattenTranslations(en) };

/** The catalogs loaded so far: English always, the others once loadCatalogs has brought them. */
export const catalogs: Readonly<Partial<Record<Locale, Catalog>>> = loaded;

/** Loads the catalogs of these languages (each once); the app waits for them before showing them. */
export async function loadCatalogs(locales: readonly Locale[]): Promise<void> {
  await Promise.all(
    locales.map(async (locale) => {
      if (locale === 'en' || loaded[locale]) return;
      loaded[locale] = flattenTranslations(await loaders[locale]());
    }),
  );
}

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
