import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Locale } from './catalog.ts';
import { createTranslator, type Translate } from './translate.ts';

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: createTranslator(locale) }), [locale]);
  // The page's language is the agent's (WCAG 3.1.1): screen readers pick their voice from it, and
  // the browser its hyphenation and CJK line breaking. index.html can only say "en".
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it');
  return i18n;
}

export function useT(): Translate {
  return useI18n().t;
}
