import { useSyncExternalStore } from 'react';
import { getLanguage, setLanguage, subscribeLanguage, type Language } from './language';
import type { Messages } from './messages';
import { zh } from './zh';

/**
 * Chinese, the default, ships with the first load; English is fetched when chosen, so that a
 * worker on a weak connection does not download both (the public pages' 250 KB budget).
 */
const dictionaries: Partial<Record<Language, Messages>> = { 'zh-CN': zh };

/** Loads a language's texts once; main.tsx awaits the chosen one before the first render. */
export async function loadDictionary(language: Language): Promise<void> {
  if (dictionaries[language]) return;
  if (language === 'en') dictionaries.en = (await import('./en')).en;
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, getLanguage);
}

/** The texts of the chosen language: `const t = useT(); t.verify.title`. */
export function useT(): Messages {
  return dictionaries[useLanguage()] ?? zh;
}

/** Switches once the other language's texts are here, so no page shows a mix. */
export async function toggleLanguage(): Promise<void> {
  const next = getLanguage() === 'zh-CN' ? 'en' : 'zh-CN';
  await loadDictionary(next);
  setLanguage(next);
}

/** A date or instant shown to a person, in the chosen language and China's time zone. */
export function formatDate(value: string | Date, language: Language, withTime = false): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(language, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(date);
}

/** A country's name from its ISO code, by the browser's own table (no names in our code). */
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
