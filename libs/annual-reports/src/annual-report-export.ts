import { Bilingual, ExportColumn, inLanguage, Language } from '@app/core';
import { AnnualReportView } from './annual-reports.dto';

const STATUSES: Record<string, Bilingual> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已提交', en: 'submitted' },
  accepted: { zh: '已通过', en: 'accepted' },
  returned: { zh: '已退回', en: 'returned' },
  resubmitted: { zh: '已重新提交', en: 'resubmitted' },
};

const yuan = (fen: number | null) => (fen === null ? null : Number(fen) / 100);
const yesNo = (value: boolean, language: Language) => inLanguage(language, value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' });

/** The officials' annual-report export: the agency by name, figures in yuan, codes as labels. */
export const ANNUAL_REPORT_EXPORT_COLUMNS: ExportColumn<AnnualReportView>[] = [
  { label: { zh: '年度', en: 'Year' }, value: (r) => r.year },
  { label: { zh: '机构', en: 'Agency' }, value: (r, language) => (language === 'en' ? (r.agencyNameEn ?? r.agencyNameZh) : r.agencyNameZh) },
  { label: { zh: '辖区代码', en: 'Jurisdiction code' }, value: (r) => r.jurisdictionCode },
  { label: { zh: '状态', en: 'Status' }, value: (r, language) => (STATUSES[r.status] ? inLanguage(language, STATUSES[r.status]) : r.status) },
  { label: { zh: '境内介绍人数', en: 'Workers placed at home' }, value: (r) => r.workersPlacedDomestic },
  { label: { zh: '境外派遣人数', en: 'Workers placed abroad' }, value: (r) => r.workersPlacedAbroad },
  { label: { zh: '服务用人单位数', en: 'Employers served' }, value: (r) => r.employersServed },
  { label: { zh: '向用人单位收费（元）', en: 'Fees from employers (yuan)' }, value: (r) => yuan(r.feesFromEmployersFen) },
  { label: { zh: '向劳动者收费（元）', en: 'Fees charged to workers (yuan)' }, value: (r) => yuan(r.feesChargedToWorkersFen) },
  { label: { zh: '向境外务工人员收费（元）', en: 'Fees charged to workers abroad (yuan)' }, value: (r) => yuan(r.feesChargedToWorkersAbroadFen) },
  { label: { zh: '收费预警', en: 'Fee flag' }, value: (r, language) => yesNo(r.feeFlag, language) },
  { label: { zh: '收到投诉数', en: 'Complaints received' }, value: (r) => r.complaintsReceived },
  { label: { zh: '员工人数', en: 'Staff' }, value: (r) => r.staffCount },
  { label: { zh: '提交时间', en: 'Submitted at' }, value: (r) => (r.submittedAt ? new Date(r.submittedAt).toISOString() : null) },
  { label: { zh: '是否逾期', en: 'Overdue' }, value: (r, language) => yesNo(r.overdueAt !== null, language) },
];
