import { ProblemDetails } from '../errors/problem-details';
import { Language } from './language';
import { ZH_FALLBACK_DETAILS, ZH_TITLES } from './core-messages.zh';
import { zhMessages } from './zh-catalogue';

/**
 * The problem in the caller's language. English is how problems are written; for Chinese the
 * title, the detail and each field message are looked up in the catalogue. A message it does not
 * know yet keeps its English in brackets after a general Chinese sentence, so nothing is lost.
 */
export function localizeProblem(problem: ProblemDetails, language: Language): ProblemDetails {
  if (language === 'en') return problem;
  const localized: ProblemDetails = { ...problem, title: ZH_TITLES[problem.status] ?? problem.title };
  if (problem.detail !== undefined) localized.detail = toZh(problem.detail, problem.status);
  if (problem.errors) localized.errors = problem.errors.map((error) => ({ ...error, message: toZh(error.message, 400) }));
  return localized;
}

function toZh(english: string, status: number): string {
  const translated = zhMessages.translate(english);
  if (translated !== undefined) return translated;
  const general = ZH_FALLBACK_DETAILS[status] ?? ZH_TITLES[status] ?? '出错了';
  return `${general}（${english}）`;
}
