import { Bilingual, ExportColumn, inLanguage, Language } from '@app/core';
import { ComplaintView } from './complaints.dto';
import { CHANNELS, OUTCOMES } from './complaint-trend-labels';

const STATUSES: Record<string, Bilingual> = {
  received: { zh: '已接收', en: 'received' },
  triaged: { zh: '已分办', en: 'triaged' },
  investigating: { zh: '调查中', en: 'investigating' },
  resolved: { zh: '已办结', en: 'resolved' },
  referred: { zh: '已转办', en: 'referred' },
  dismissed: { zh: '不予受理', en: 'dismissed' },
  closed: { zh: '已关闭', en: 'closed' },
  reopened: { zh: '重新办理', en: 'reopened' },
};

const SEVERITIES: Record<string, Bilingual> = {
  low: { zh: '低', en: 'low' },
  medium: { zh: '中', en: 'medium' },
  high: { zh: '高', en: 'high' },
  urgent: { zh: '紧急', en: 'urgent' },
};

const pair = (labels: Record<string, [string, string]>, code: string | null, language: Language) => (code && labels[code] ? (language === 'en' ? labels[code][1] : labels[code][0]) : code);
const label = (labels: Record<string, Bilingual>, code: string, language: Language) => (labels[code] ? inLanguage(language, labels[code]) : code);
const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

/** Category names by code, both languages (the export reads them once). */
export type CategoryNames = Map<string, Bilingual>;

/** The officials' complaint export: names and labels, never ids; the complainant never (as in the list). */
export function complaintExportColumns(categories: CategoryNames): ExportColumn<ComplaintView>[] {
  return [
    { label: { zh: '查询码', en: 'Tracking code' }, value: (c) => c.trackingCode },
    { label: { zh: '接收时间', en: 'Received at' }, value: (c) => iso(c.receivedAt) },
    { label: { zh: '渠道', en: 'Channel' }, value: (c, language) => pair(CHANNELS, c.channel, language) },
    { label: { zh: '机构', en: 'Agency' }, value: (c, language) => (language === 'en' ? (c.agencyNameEn ?? c.agencyNameZh) : c.agencyNameZh) ?? c.agencyNameGiven },
    { label: { zh: '许可证编号', en: 'Licence numbers' }, value: (c) => (c.licenceNumbers.length > 0 ? c.licenceNumbers.join(';') : c.licenceNumberGiven) },
    { label: { zh: '辖区代码', en: 'Jurisdiction code' }, value: (c) => c.jurisdictionCode },
    { label: { zh: '类别', en: 'Categories' }, value: (c, language) => c.categories.map((code) => (categories.has(code) ? inLanguage(language, categories.get(code)!) : code)).join(';') },
    { label: { zh: '严重程度', en: 'Severity' }, value: (c, language) => label(SEVERITIES, c.severity, language) },
    { label: { zh: '状态', en: 'Status' }, value: (c, language) => label(STATUSES, c.status, language) },
    { label: { zh: '承办部门', en: 'Handling bureau' }, value: (c) => c.assignedBureauName },
    { label: { zh: '承办人', en: 'Assignee' }, value: (c) => c.assigneeName },
    { label: { zh: '受理期限', en: 'Acknowledge by' }, value: (c) => iso(c.ackDueAt) },
    { label: { zh: '办结期限', en: 'Resolve by' }, value: (c) => iso(c.resolveDueAt) },
    { label: { zh: '是否超期', en: 'Overdue' }, value: (c, language) => (c.overdue ? inLanguage(language, { zh: '是', en: 'yes' }) : inLanguage(language, { zh: '否', en: 'no' })) },
    { label: { zh: '办理结果', en: 'Outcome' }, value: (c, language) => pair(OUTCOMES, c.outcome, language) },
    { label: { zh: '目的国', en: 'Destination country' }, value: (c) => c.destinationCountry },
    { label: { zh: '投诉内容', en: 'Description' }, value: (c) => c.description },
  ];
}
