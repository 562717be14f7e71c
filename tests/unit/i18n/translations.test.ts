import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  catalogs as loadedCatalogs,
  loadCatalogs,
  LOCALES,
  placeholdersOf,
  resolveLocale,
  type Catalog,
  type Locale,
} from '../../../src/i18n/catalog.ts';
import { createTranslator, MissingTranslation } from '../../../src/i18n/translate.ts';

const catalogs = {} as Record<Locale, Catalog>;
beforeAll(async () => {
  await loadCatalogs(LOCALES);
  for (const locale of LOCALES) catalogs[locale] = loadedCatalogs[locale] ?? {};
});

describe('loading the languages', () => {
  it('bundles English; Korean and Japanese come when asked for, and t() refuses a language not loaded', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/i18n/catalog.ts');
    const { createTranslator: freshTranslator } = await import('../../../src/i18n/translate.ts');
    expect(Object.keys(fresh.catalogs)).toEqual(['en']);
    expect(() => freshTranslator('ko')).toThrow(/"ko" catalog is not loaded/);
    await fresh.loadCatalogs(['ko']);
    expect(Object.keys(fresh.catalogs).sort()).toEqual(['en', 'ko']);
    expect(freshTranslator('ko')('errors.retry')).toBe('다시 시도');
  });
});

describe('translations/en, ko, ja', () => {
  let english: Catalog = {};
  beforeAll(() => {
    english = catalogs.en;
  });

  it.each(['ko', 'ja'] as const)('%s has exactly the keys English has (the app section too)', (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(['ko', 'ja'] as const)('%s uses the same placeholders as English in every message', (locale) => {
    const mismatches = Object.entries(english)
      .filter(([key, message]) => placeholdersOf(message).join() !== placeholdersOf(catalogs[locale][key] ?? '').join())
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it('has no empty message in any language', () => {
    for (const locale of LOCALES) {
      const empty = Object.entries(catalogs[locale]).filter(([, message]) => message.trim() === '');
      expect(empty, locale).toEqual([]);
    }
  });

  it.each(['ko', 'ja'] as const)('%s leaves no English: a message the same as English holds only symbols', (locale) => {
    // The product's name stays as it is on the Marketplace; operators are symbols in every language.
    const kept = Object.entries(english).filter(
      ([key, message]) =>
        key !== 'app.name' &&
        catalogs[locale][key] === message &&
        /[a-z]/i.test(message.replace(/\{\{[\w.]+\}\}/g, '')),
    );
    expect(kept).toEqual([]);
  });

  it('keeps the Marketplace listing keys Zendesk requires for a public app', () => {
    for (const key of ['app.name', 'app.short_description', 'app.long_description', 'app.installation_instructions']) {
      expect(english[key], key).toBeTruthy();
    }
  });

  it('is really translated: Korean and Japanese UI text differs from English', () => {
    expect(catalogs.ko['errors.retry']).toBe('다시 시도');
    expect(catalogs.ja['errors.retry']).toBe('再試行');
  });
});

describe('t()', () => {
  it('fills {{placeholders}} and formats numbers for the locale', () => {
    expect(createTranslator('en')('settings.campaign_size_cap_value', { count: 12345 })).toBe('12,345 customers');
    expect(createTranslator('ko')('settings.frequency_cap_value', { count: 30 })).toBe('30일');
  });

  it('fails loudly on a missing key or a missing placeholder value', () => {
    const t = createTranslator('en');
    expect(() => t('home.no_such_key')).toThrow(MissingTranslation);
    expect(() => t('settings.frequency_cap_value')).toThrow(/needs a value for \{\{count\}\}/);
  });

  it('in a production build shows the key instead of crashing', () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(createTranslator('ja', { strict: false })('home.no_such_key')).toBe('home.no_such_key');
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });
});

describe('resolveLocale (Zendesk locale → app language)', () => {
  it.each([
    ['ko', 'ko'],
    ['ko-KR', 'ko'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['en-US', 'en'],
    ['en-gb', 'en'],
    ['pt-BR', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('%s → %s', (zendeskLocale, expected) => {
    expect(resolveLocale(zendeskLocale)).toBe(expected);
  });
});
