/** The languages the API answers in. */
export type Language = 'zh-CN' | 'en';

/**
 * The language an Accept-Language header prefers among Chinese and English (by q-weight, then
 * order; q=0 means "not this one"); `fallback` when it names neither or there is no header.
 */
export function preferredLanguage(header: string | string[] | undefined, fallback: Language): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return fallback;
  const ranked = value
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, q: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  }
  return fallback;
}

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function inLanguage(language: Language, text: Bilingual): string {
  return language === 'en' ? text.en : text.zh;
}
