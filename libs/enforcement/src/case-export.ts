import { Bilingual, ExportColumn, inLanguage, Language } from '@app/core';
import { CaseView } from './cases.dto';

const STATUSES: Record<string, Bilingual> = {
  opened: { zh: '已立案', en: 'opened' },
  notice_served: { zh: '已送达告知书', en: 'notice served' },
  representations: { zh: '陈述申辩', en: 'representations' },
  hearing_requested: { zh: '已申请听证', en: 'hearing requested' },
  hearing_held: { zh: '已听证', en: 'hearing held' },
  decided: { zh: '已决定', en: 'decided' },
  closed: { zh: '已结案', en: 'closed' },
  withdrawn: { zh: '已撤销', en: 'withdrawn' },
};

const SANCTIONS: Record<string, Bilingual> = {
  none: { zh: '不予处罚', en: 'none' },
  warning: { zh: '警告', en: 'warning' },
  fine: { zh: '罚款', en: 'fine' },
  suspension: { zh: '暂停许可', en: 'suspension' },
  revocation: { zh: '吊销许可', en: 'revocation' },
};

const labelled = (labels: Record<string, Bilingual>, code: string | null, language: Language) => (code && labels[code] ? inLanguage(language, labels[code]) : code);
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/** The officials' case export: numbers in the reader's form, agency and officer by name, codes as labels; never the facts. */
export const CASE_EXPORT_COLUMNS: ExportColumn<CaseView>[] = [
  { label: { zh: '案件编号', en: 'Case number' }, value: (c, language) => (language === 'en' ? c.caseNumberEn : c.caseNumber) },
  { label: { zh: '机构', en: 'Agency' }, value: (c, language) => (language === 'en' ? (c.agencyNameEn ?? c.agencyNameZh) : c.agencyNameZh) },
  { label: { zh: '许可证编号', en: 'Licence numbers' }, value: (c) => c.licenceNumbers.join(';') },
  { label: { zh: '辖区代码', en: 'Jurisdiction code' }, value: (c) => c.jurisdictionCode },
  { label: { zh: '状态', en: 'Status' }, value: (c, language) => labelled(STATUSES, c.status, language) },
  { label: { zh: '拟处罚', en: 'Proposed sanction' }, value: (c, language) => labelled(SANCTIONS, c.proposedSanction, language) },
  { label: { zh: '决定处罚', en: 'Decided sanction' }, value: (c, language) => labelled(SANCTIONS, c.decidedSanction, language) },
  { label: { zh: '罚款（元）', en: 'Fine (yuan)' }, value: (c) => yuan(c.decidedFineAmount ?? c.proposedFineAmount) },
  { label: { zh: '暂停天数', en: 'Suspension days' }, value: (c) => c.decidedSuspensionDays ?? c.proposedSuspensionDays },
  { label: { zh: '承办人', en: 'Investigating officer' }, value: (c) => c.investigatingOfficerName },
  { label: { zh: '立案时间', en: 'Opened at' }, value: (c) => new Date(c.openedAt).toISOString() },
  { label: { zh: '决定期限', en: 'Decision due on' }, value: (c) => c.decisionDueOn },
  { label: { zh: '是否超期', en: 'Overdue' }, value: (c, language) => inLanguage(language, c.overdue ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' }) },
];
