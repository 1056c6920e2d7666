/**
 * How a deadline reads, in both languages, wherever it is shown: notifications, PDFs and the web
 * app (which imports this file as `@shared/deadline-words`, so it imports nothing). A deadline is
 * a calendar day that itself still counts: "2026年12月14日（含当日）前" / "by the end of
 * 14 December 2026", never "before the 14th".
 */

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar day of a YYYY-MM-DD (or an ISO timestamp, read in Asia/Shanghai); null when it is none. */
function parts(date: string): { year: number; month: number; day: number } | null {
  let value = date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime())) return null;
    value = new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  }
  const [year, month, day] = value.split('-').map(Number);
  return year && month && day ? { year, month, day } : null;
}

/** 2026年12月14日 */
export function dateZh(date: string): string {
  const p = parts(date);
  return p ? `${p.year}年${p.month}月${p.day}日` : date;
}

/** 14 December 2026 */
export function dateEn(date: string): string {
  const p = parts(date);
  return p ? `${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}` : date;
}

/** 2026年12月14日（含当日）前 */
export function deadlineZh(date: string): string {
  return `${dateZh(date)}（含当日）前`;
}

/** by the end of 14 December 2026 */
export function deadlineEn(date: string): string {
  return `by the end of ${dateEn(date)}`;
}

/** The deadline in the reader's language ('zh…' for Chinese, anything else English). */
export function deadlineIn(language: string, date: string): string {
  return language.startsWith('zh') ? deadlineZh(date) : deadlineEn(date);
}
