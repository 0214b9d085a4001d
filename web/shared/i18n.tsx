import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from './dates';

export type { Lang };
export type Dict = Record<string, { vi: string; en: string }>;
export interface Text {
  vi: string;
  en: string;
}

/** The language in use: Vietnamese by default, English on the switch (kept in localStorage). */
export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'vi', setLang: () => undefined });

export function initialLang(): Lang {
  try {
    return localStorage.getItem('lang') === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function storeLang(l: Lang) {
  try {
    localStorage.setItem('lang', l);
  } catch {
    /* private mode */
  }
  document.documentElement.lang = l;
}

/** `t('key')` in the current language; `pick(text)` for a bilingual value from the API. */
export function useI18n<D extends Dict>(dict: D) {
  const { lang, setLang } = useContext(LangContext);
  const t = (key: keyof D, vars: Record<string, string | number> = {}) =>
    dict[key]![lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
  const pick = (text: Text | undefined | null) => (text ? text[lang] : '');
  return { lang, setLang, t, pick };
}

/** The switch: a button naming the other language in that language. */
export function LangSwitch() {
  const { lang, setLang } = useContext(LangContext);
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" class="lang" lang={other} onClick={() => setLang(other)}>
      {other === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}
