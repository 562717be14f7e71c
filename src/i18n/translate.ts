import { catalogs, type Catalog, type Locale } from './catalog.ts';

export type TranslationVars = Readonly<Record<string, string | number>>;
export type Translate = (key: string, vars?: TranslationVars) => string;

/**
 * Raised for a missing key or placeholder value. Outside a production build it is thrown, so a
 * test that renders a screen fails on the first untranslated string; in production the agent
 * sees the key instead of a broken page.
 */
export class MissingTranslation extends Error {
  override readonly name = 'MissingTranslation';
}

export function createTranslator(locale: Locale, options: { strict?: boolean } = {}): Translate {
  const strict = options.strict ?? !import.meta.env.PROD;
  const fail = (message: string, fallback: string) => {
    if (strict) throw new MissingTranslation(message);
    console.error(message);
    return fallback;
  };
  const notLoaded = (): Catalog => {
    // A language used before loadCatalogs brought it is a bug; in production the agent reads English.
    fail(`The "${locale}" catalog is not loaded`, '');
    return catalogs.en ?? {};
  };
  const catalog = catalogs[locale] ?? notLoaded();

  return (key, vars = {}) => {
    const message = catalog[key];
    if (message === undefined) return fail(`No "${locale}" translation for "${key}"`, key);
    return message.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return fail(`"${key}" needs a value for {{${name}}}`, '');
      return typeof value === 'number' ? value.toLocaleString(locale) : value;
    });
  };
}
