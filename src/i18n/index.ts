export { catalogs, flattenTranslations, loadCatalogs, LOCALES, placeholdersOf, resolveLocale } from './catalog.ts';
export type { Catalog, Locale } from './catalog.ts';
export { createTranslator, MissingTranslation } from './translate.ts';
export type { Translate, TranslationVars } from './translate.ts';
export { I18nProvider, useI18n, useT } from './provider.tsx';
export { yesNoFor } from './customer-words.ts';
