import type { Language } from '@/app/i18n/language';

/** An agency's name in the reader's language (the Chinese one when it has no English name). */
export function agencyName(agency: { agencyNameZh?: string | null; agencyNameEn?: string | null; nameZh?: string | null; nameEn?: string | null }, language: Language): string {
  const zh = agency.agencyNameZh ?? agency.nameZh ?? '';
  const en = agency.agencyNameEn ?? agency.nameEn;
  return language === 'en' && en ? en : zh;
}

/** Today in China (YYYY-MM-DD): the date the API counts in. */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
