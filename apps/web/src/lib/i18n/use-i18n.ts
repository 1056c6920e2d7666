import { useEffect, useSyncExternalStore } from 'react';
import { deadlineIn } from '@shared/deadline-words';
import { getLanguage, setLanguage, subscribeLanguage, type Language } from './language';
import type { Messages, PublicMessages, WorkspaceMessages } from './messages';
import { zh } from './zh';

/**
 * Chinese, the default, ships with the first load; English is fetched when chosen, so that a
 * worker on a weak connection does not download both (the public pages' 250 KB budget).
 */
const dictionaries: Partial<Record<Language, PublicMessages>> = { 'zh-CN': zh };

/**
 * The signed-in workspaces' texts come in a chunk of their own, loaded by the first signed-in page
 * (RequireRole) and kept for both languages once wanted; `merged` keeps one object per language.
 */
const workspaces: Partial<Record<Language, WorkspaceMessages>> = {};
const merged: Partial<Record<Language, Messages>> = {};
const workspaceListeners = new Set<() => void>();
let workspaceWanted = false;

export async function loadWorkspaceTexts(language: Language = getLanguage()): Promise<void> {
  workspaceWanted = true;
  if (workspaces[language]) return;
  workspaces[language] = language === 'en' ? (await import('./workspace.en')).workspaceEn : (await import('./workspace.zh')).workspaceZh;
  workspaceListeners.forEach((listener) => listener());
}

function subscribeWorkspace(listener: () => void): () => void {
  workspaceListeners.add(listener);
  return () => workspaceListeners.delete(listener);
}

/** Loads the workspace texts when `wanted`; true once they are here (in the chosen language). */
export function useWorkspaceTexts(wanted = true): boolean {
  const language = useLanguage();
  const loaded = useSyncExternalStore(subscribeWorkspace, () => !!workspaces[language]);
  useEffect(() => {
    if (wanted && !loaded) void loadWorkspaceTexts(language);
  }, [wanted, loaded, language]);
  return loaded;
}

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
  const language = useLanguage();
  const workspace = useSyncExternalStore(subscribeWorkspace, () => workspaces[language]);
  const base = dictionaries[language] ?? zh;
  if (!workspace) return base as Messages;
  return (merged[language] ??= { ...base, ...workspace });
}

/** Switches once the other language's texts are here, so no page shows a mix. */
export async function toggleLanguage(): Promise<void> {
  const next = getLanguage() === 'zh-CN' ? 'en' : 'zh-CN';
  await loadDictionary(next);
  if (workspaceWanted) await loadWorkspaceTexts(next);
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

/**
 * A deadline as notifications and PDFs word it, the day itself counting: "2026年12月14日（含当日）前"
 * / "by the end of 14 December 2026" (the API's own helper, shared).
 */
export function formatDeadline(value: string, language: Language): string {
  return deadlineIn(language, value);
}

/** A country's name from its ISO code, by the browser's own table (no names in our code). */
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
