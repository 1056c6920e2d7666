import { Bilingual } from '@app/core';

const SEVERITY: Record<string, Bilingual> = {
  low: { zh: '低', en: 'low' },
  medium: { zh: '中', en: 'medium' },
  high: { zh: '高', en: 'high' },
  urgent: { zh: '紧急', en: 'urgent' },
};

const SANCTION: Record<string, Bilingual> = {
  warning: { zh: '警告', en: 'warning' },
  fine: { zh: '罚款', en: 'fine' },
  suspension: { zh: '暂停许可', en: 'suspension' },
  revocation: { zh: '吊销许可', en: 'revocation' },
};

/**
 * A demerit point's reason in both languages. The grade job stores one text per point
 * ("Substantiated complaint (high)", "<case number>: fine"); readers get it in their language.
 * A text of neither form is shown as stored in both.
 */
export function creditReasonTexts(reason: string): Bilingual {
  const complaint = /^Substantiated complaint \((\w+)\)$/.exec(reason);
  if (complaint) {
    const severity = SEVERITY[complaint[1]] ?? { zh: complaint[1], en: complaint[1] };
    return { zh: `投诉经查属实（紧急程度：${severity.zh}）`, en: `Substantiated complaint (severity ${severity.en})` };
  }
  const sanction = /^(.+): (warning|fine|suspension|revocation)$/.exec(reason);
  if (sanction) {
    const kind = SANCTION[sanction[2]];
    return { zh: `行政处罚 ${sanction[1]}：${kind.zh}`, en: `Sanction ${sanction[1]}: ${kind.en}` };
  }
  return { zh: reason, en: reason };
}
