import { Injectable } from '@nestjs/common';
import { deadlineEn, deadlineZh } from '@app/core';
import { BilingualDocument, PdfRenderer } from '@app/documents';
import { EnforcementCase } from './case.entity';
import type { Bilingual } from './case-grounds';

const SANCTION_TEXT: Record<string, [string, string]> = {
  none: ['不予处罚', 'no sanction'],
  warning: ['警告', 'warning'],
  fine: ['罚款', 'fine'],
  suspension: ['暂停许可', 'suspension of the licence'],
  revocation: ['吊销许可证', 'revocation of the licence'],
};

/** "罚款 人民币 5,000.00 元 / fine of CNY 5,000.00" and the like. */
export function sanctionText(sanction: string, fineAmount: number | null, suspensionDays: number | null): [string, string] {
  const [zh, en] = SANCTION_TEXT[sanction] ?? [sanction, sanction];
  if (sanction === 'fine' && fineAmount !== null) {
    const yuan = (fineAmount / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return [`${zh} 人民币 ${yuan} 元`, `${en} of CNY ${yuan}`];
  }
  if (sanction === 'suspension' && suspensionDays !== null) return [`${zh} ${suspensionDays} 日`, `${en} for ${suspensionDays} days`];
  return [zh, en];
}

export interface CaseParties {
  agencyNameZh: string;
  agencyNameEn: string | null;
  uscc: string;
  licenceNumbers: string[];
  grounds: Bilingual[];
}

/** The legal basis in both languages when the registry wrote both, else as the official wrote it. */
function legalBasis(c: EnforcementCase): string {
  return c.legalBasisEn ? `${c.legalBasis}\n${c.legalBasisEn}` : c.legalBasis;
}

/** The facts, each language in its own paragraph half, then the grounds by name. */
function facts(c: EnforcementCase, parties: CaseParties): { zh: string; en: string }[] {
  return [
    { zh: c.facts, en: c.factsEn ?? c.facts },
    { zh: `依据：${parties.grounds.map((g) => g.zh).join('；')}`, en: `Grounds: ${parties.grounds.map((g) => g.en).join('; ')}` },
  ];
}

/** The notice of intended sanction and the decision, as PDFs in Chinese and English, rendered in a worker thread (then stored with the case). */
@Injectable()
export class CaseDocuments {
  constructor(private readonly pdf: PdfRenderer) {}

  notice(c: EnforcementCase, parties: CaseParties): Promise<Buffer> {
    const [zhSanction, enSanction] = sanctionText(c.proposedSanction, c.proposedFineAmount, c.proposedSuspensionDays);
    const hearing = c.hearingEligible
      ? {
          zh: `您有权要求听证。如要求听证，应当于 ${deadlineZh(c.hearingDueOn ?? '')}提出。`,
          en: `You have the right to a hearing. A request must be made ${deadlineEn(c.hearingDueOn ?? '')}.`,
        }
      : { zh: '本案拟作出的处罚不属于听证范围。', en: 'The intended sanction does not give a right to a hearing.' };
    return this.pdf.bilingual(this.document('行政处罚事先告知书', 'Notice of intended sanction', c, parties, [
      {
        headingZh: '拟作出的处罚',
        headingEn: 'Intended sanction',
        fields: [
          { labelZh: '处罚', labelEn: 'Sanction', value: `${zhSanction} / ${enSanction}` },
          { labelZh: '法律依据', labelEn: 'Legal basis', value: legalBasis(c) },
        ],
      },
      { headingZh: '事实与理由', headingEn: 'Facts and grounds', paragraphs: facts(c, parties) },
      {
        headingZh: '您的权利',
        headingEn: 'Your rights',
        paragraphs: [
          {
            zh: `您有权进行陈述和申辩。请于 ${deadlineZh(c.representationDueOn ?? '')}通过系统提交（期限按工作日计算）。`,
            en: `You may make representations. Submit them through the registry ${deadlineEn(c.representationDueOn ?? '')} (the period counts working days).`,
          },
          hearing,
          { zh: '您也可以书面放弃上述权利；放弃后，行政机关可即时作出决定。', en: 'You may waive these rights in writing; a decision may then be taken at once.' },
        ],
      },
    ]));
  }

  decision(c: EnforcementCase, parties: CaseParties): Promise<Buffer> {
    const [zhSanction, enSanction] = sanctionText(c.decidedSanction ?? 'none', c.decidedFineAmount, c.decidedSuspensionDays);
    return this.pdf.bilingual(this.document('行政处罚决定书', 'Decision on sanction', c, parties, [
      {
        headingZh: '决定',
        headingEn: 'Decision',
        fields: [
          { labelZh: '处罚', labelEn: 'Sanction', value: `${zhSanction} / ${enSanction}` },
          { labelZh: '生效日期', labelEn: 'Effective on', value: c.effectiveOn ?? '' },
          { labelZh: '法律依据', labelEn: 'Legal basis', value: legalBasis(c) },
        ],
      },
      { headingZh: '事实', headingEn: 'Facts', paragraphs: facts(c, parties) },
      { headingZh: '理由', headingEn: 'Reasons', paragraphs: [{ zh: c.decisionReasons ?? '', en: '(as stated above)' }] },
      {
        headingZh: '救济途径',
        headingEn: 'Appeal',
        paragraphs: [
          {
            zh: `如不服本决定，可于 ${deadlineZh(c.reconsiderationDueOn ?? '')}申请行政复议，或于 ${deadlineZh(c.litigationDueOn ?? '')}向人民法院提起行政诉讼。`,
            en: `You may apply for administrative reconsideration ${deadlineEn(c.reconsiderationDueOn ?? '')}, or bring administrative litigation before a people's court ${deadlineEn(c.litigationDueOn ?? '')}.`,
          },
        ],
      },
    ]));
  }

  private document(titleZh: string, titleEn: string, c: EnforcementCase, parties: CaseParties, sections: BilingualDocument['sections']): BilingualDocument {
    return {
      titleZh,
      titleEn,
      subtitle: c.caseNumberEn ? `${c.caseNumber} · ${c.caseNumberEn}` : c.caseNumber,
      sections: [
        {
          headingZh: '当事人',
          headingEn: 'Party',
          fields: [
            { labelZh: '机构', labelEn: 'Agency', value: parties.agencyNameEn ? `${parties.agencyNameZh} (${parties.agencyNameEn})` : parties.agencyNameZh },
            { labelZh: '统一社会信用代码', labelEn: 'USCC', value: parties.uscc },
            { labelZh: '许可证', labelEn: 'Licences', value: parties.licenceNumbers.join(', ') },
          ],
        },
        ...sections,
      ],
      footer: '职业中介机构登记系统 · Agency Registry (MOHRSS). 本文书经系统送达。This document was served through the registry.',
    };
  }
}
