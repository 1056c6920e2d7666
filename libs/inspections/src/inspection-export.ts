import { Bilingual, ExportColumn, inLanguage } from '@app/core';
import { InspectionView } from './inspections.dto';

const TYPES: Record<string, Bilingual> = {
  routine: { zh: '日常检查', en: 'routine' },
  complaint: { zh: '投诉检查', en: 'complaint' },
  follow_up: { zh: '复查', en: 'follow-up' },
  thematic: { zh: '专项检查', en: 'thematic' },
  commitment_check: { zh: '告知承诺核查', en: 'commitment check' },
  surveillance: { zh: '监督检查', en: 'surveillance' },
};

const STATUSES: Record<string, Bilingual> = {
  planned: { zh: '已安排', en: 'planned' },
  in_progress: { zh: '进行中', en: 'in progress' },
  submitted: { zh: '已提交', en: 'submitted' },
  closed: { zh: '已结束', en: 'closed' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

const OUTCOMES: Record<string, Bilingual> = {
  compliant: { zh: '合规', en: 'compliant' },
  minor_issues: { zh: '轻微问题', en: 'minor issues' },
  serious_violation: { zh: '严重违规', en: 'serious violation' },
  critical_violation: { zh: '重大违规', en: 'critical violation' },
};

const labelled = (labels: Record<string, Bilingual>, code: string | null, language: 'zh-CN' | 'en') => (code && labels[code] ? inLanguage(language, labels[code]) : code);

/** The officials' inspection export: agency, bureau and lead inspector by name, codes as labels. */
export const INSPECTION_EXPORT_COLUMNS: ExportColumn<InspectionView>[] = [
  { label: { zh: '检查日期', en: 'Inspection date' }, value: (i) => i.inspectionDate },
  { label: { zh: '机构', en: 'Agency' }, value: (i, language) => (language === 'en' ? (i.agencyNameEn ?? i.agencyNameZh) : i.agencyNameZh) },
  { label: { zh: '许可证编号', en: 'Licence numbers' }, value: (i) => i.licenceNumbers.join(';') },
  { label: { zh: '辖区代码', en: 'Jurisdiction code' }, value: (i) => i.jurisdictionCode },
  { label: { zh: '检查类型', en: 'Type' }, value: (i, language) => labelled(TYPES, i.type, language) },
  { label: { zh: '状态', en: 'Status' }, value: (i, language) => labelled(STATUSES, i.status, language) },
  { label: { zh: '安排部门', en: 'Bureau' }, value: (i) => i.bureauName },
  { label: { zh: '主检查员', en: 'Lead inspector' }, value: (i) => i.leadInspectorName },
  { label: { zh: '得分', en: 'Score' }, value: (i) => i.score },
  { label: { zh: '违规分', en: 'Violation points' }, value: (i) => i.violationPoints },
  { label: { zh: '结论', en: 'Outcome' }, value: (i, language) => labelled(OUTCOMES, i.outcome, language) },
];
