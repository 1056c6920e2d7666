import type { Language } from '@/lib/i18n/language';

/** An agency's name in the reader's language: the English one when reading English and it has one. */
export function agencyName(agency: { agencyNameZh?: string | null; agencyNameEn?: string | null; nameZh?: string | null; nameEn?: string | null }, language: Language): string {
  const zh = agency.agencyNameZh ?? agency.nameZh ?? '';
  const en = agency.agencyNameEn ?? agency.nameEn;
  return language === 'en' && en ? en : zh;
}

/** A bureau's name in the reader's language: `name` is the Chinese one, `nameEn` the English one when given. */
export function bureauName(bureau: { name: string; nameEn?: string | null }, language: Language): string {
  return language === 'en' && bureau.nameEn ? bureau.nameEn : bureau.name;
}
