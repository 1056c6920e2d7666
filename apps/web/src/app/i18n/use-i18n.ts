import { useSyncExternalStore } from 'react';
import { en } from './en';
import { getLanguage, setLanguage, subscribeLanguage, type Language } from './language';
import type { Messages } from './messages';
import { zh } from './zh';

const dictionaries: Record<Language, Messages> = { 'zh-CN': zh, en };

export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, getLanguage);
}

/** The texts of the chosen language: `const t = useT(); t.verify.title`. */
export function useT(): Messages {
  return dictionaries[useLanguage()];
}

export function toggleLanguage(): void {
  setLanguage(getLanguage() === 'zh-CN' ? 'en' : 'zh-CN');
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
