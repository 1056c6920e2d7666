import { addDays } from '@app/core';
import type { Bilingual } from './case-grounds';
import { sanctionText } from './case-documents';

export interface SummaryFacts {
  agencyNameZh: string;
  agencyNameEn: string | null;
  uscc: string;
  legalBasis: string;
  legalBasisEn: string | null;
  sanction: 'fine' | 'suspension' | 'revocation';
  fineAmount: number | null;
  suspensionDays: number | null;
  effectiveOn: string;
}

/**
 * The draft of what the public list publishes of a decision: the agency, the provision breached,
 * the sanction and its dates; nothing about workers, complainants or officials (the facts and
 * the reasons stay in the case). Migration 1763886500300 writes the same text in SQL for the
 * cases decided before summaries existed.
 */
export function publishedSummaryDraft(s: SummaryFacts): Bilingual {
  const [zhSanction, enSanction] = sanctionText(s.sanction, s.fineAmount, s.suspensionDays);
  const until = s.sanction === 'suspension' && s.suspensionDays ? addDays(s.effectiveOn, s.suspensionDays - 1) : null;
  return {
    zh: `${s.agencyNameZh}（统一社会信用代码 ${s.uscc}）违反${s.legalBasis}，决定${zhSanction}，自 ${s.effectiveOn} 起执行${until ? `，至 ${until} 止` : ''}。`,
    en: `${s.agencyNameEn ?? s.agencyNameZh} (USCC ${s.uscc}) breached ${s.legalBasisEn ?? s.legalBasis}. Sanction: ${enSanction}, effective ${s.effectiveOn}${until ? ` until ${until}` : ''}.`,
  };
}
