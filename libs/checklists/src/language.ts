/** The languages responses carry; both are always present, the caller's choice is the primary one. */
export type Language = 'zh-CN' | 'en';

/**
 * Picks the primary language from an Accept-Language header: the first of zh / en it names (in
 * the header's order, ignoring q-weights of zero); Chinese when it names neither.
 */
export function primaryLanguage(header: string | undefined): Language {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  }
  return 'zh-CN';
}

export function pick(language: Language, zh: string, en: string): string {
  return language === 'en' ? en : zh;
}
