import { Bilingual, inLanguage, Language } from '@app/core';

/** Each job by name in words; a job not listed is shown by its name. */
const JOB_TITLES: Record<string, Bilingual> = {
  'annual-report-deadlines': { zh: '年度报告期限提醒', en: 'Annual report deadlines' },
  backup: { zh: '数据备份', en: 'Backup' },
  'case-deadlines': { zh: '案件期限提醒', en: 'Case deadlines' },
  'commitment-checks': { zh: '告知承诺核查', en: 'Commitment checks' },
  'complaint-rollup-check': { zh: '投诉统计核对', en: 'Complaint statistics check' },
  'complaint-sla': { zh: '投诉处理期限督办', en: 'Complaint deadlines' },
  'corrective-action-deadlines': { zh: '整改期限提醒', en: 'Corrective action deadlines' },
  'credit-grades': { zh: '信用等级评定', en: 'Credit grades' },
  'licence-expiry': { zh: '许可证到期处理', en: 'Licence expiry' },
  'licence-renewal-reminders': { zh: '许可证续期提醒', en: 'Licence renewal reminders' },
  'open-datasets': { zh: '开放数据集更新', en: 'Open datasets' },
  'notification-delivery': { zh: '邮件通知发送', en: 'Email delivery' },
  'reserve-fund-top-ups': { zh: '备用金补足提醒', en: 'Reserve fund top-ups' },
  'risk-scores': { zh: '风险评分', en: 'Risk scores' },
  'self-assessment-deadlines': { zh: '自查期限提醒', en: 'Self-assessment deadlines' },
};

/** What each count a job run reports means; a key not listed is shown as it is. */
const COUNT_LABELS: Record<string, Bilingual> = {
  year: { zh: '年度', en: 'year' },
  reminders: { zh: '提醒', en: 'reminders' },
  overdue: { zh: '逾期', en: 'overdue' },
  overdueNotices: { zh: '逾期通知', en: 'overdue notices' },
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '失败', en: 'failed' },
  notices: { zh: '通知', en: 'notices' },
  discrepancies: { zh: '不一致', en: 'discrepancies' },
  rebuiltRows: { zh: '重建行数', en: 'rebuilt rows' },
  breached: { zh: '超期', en: 'breached' },
  escalations: { zh: '督办', en: 'escalations' },
  windowReminders: { zh: '期限提醒', en: 'window reminders' },
  decisionReminders: { zh: '决定提醒', en: 'decision reminders' },
  closed: { zh: '结案', en: 'closed' },
  complaintPoints: { zh: '投诉记分', en: 'complaint points' },
  agencies: { zh: '机构', en: 'agencies' },
  A: { zh: 'A 级', en: 'grade A' },
  B: { zh: 'B 级', en: 'grade B' },
  C: { zh: 'C 级', en: 'grade C' },
  D: { zh: 'D 级', en: 'grade D' },
  proposed: { zh: '拟立案', en: 'cases proposed' },
  dueSoon: { zh: '即将到期', en: 'due soon' },
  expired: { zh: '已过期', en: 'expired' },
  notifications: { zh: '通知', en: 'notifications' },
  batches: { zh: '批次', en: 'batches' },
  firstDue: { zh: '首次到期', en: 'first due' },
  started: { zh: '已启动', en: 'started' },
  met: { zh: '已补足', en: 'met' },
  sent: { zh: '已发送', en: 'sent' },
  retried: { zh: '重试', en: 'retried' },
  bytes: { zh: '字节', en: 'bytes' },
  tables: { zh: '表', en: 'tables' },
  rows: { zh: '行', en: 'rows' },
  pruned: { zh: '已清理', en: 'pruned' },
  agenciesScored: { zh: '已评分机构', en: 'agencies scored' },
  datasets: { zh: '数据集', en: 'datasets' },
  changed: { zh: '有变化', en: 'changed' },
};

export function jobTitle(name: string, language: Language): string {
  const title = JOB_TITLES[name];
  return title ? inLanguage(language, title) : name;
}

/** Labels of the count keys in `counts`, in the reader's language. */
export function countLabels(keys: Iterable<string>, language: Language): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const key of keys) labels[key] = COUNT_LABELS[key] ? inLanguage(language, COUNT_LABELS[key]) : key;
  return labels;
}

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS: Bilingual[] = ['日', '一', '二', '三', '四', '五', '六'].map((d, i) => ({ zh: `星期${d}`, en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][i] }));

/**
 * A cron expression (Asia/Shanghai) as people say it: "每天 07:40", "every hour at :00", "every
 * minute". Shapes it does not know are given as the expression.
 */
export function scheduleText(cron: string, language: Language): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return cron;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  const number = (field: string) => (/^\d+$/.test(field) ? Number(field) : null);
  const m = number(minute);
  const h = number(hour);
  const every = month === '*' && dayOfMonth === '*' && dayOfWeek === '*';
  if (fields.every((f) => f === '*')) return inLanguage(language, { zh: '每分钟', en: 'every minute' });
  const step = /^\*\/(\d+)$/.exec(minute);
  if (step && hour === '*' && every) return inLanguage(language, { zh: `每 ${step[1]} 分钟`, en: `every ${step[1]} minutes` });
  if (m !== null && hour === '*' && every) return inLanguage(language, { zh: `每小时第 ${m} 分`, en: `every hour at :${pad(m)}` });
  if (m === null || h === null || month !== '*') return cron;
  const time = `${pad(h)}:${pad(m)}`;
  if (dayOfMonth === '*' && dayOfWeek === '*') return inLanguage(language, { zh: `每天 ${time}`, en: `daily at ${time}` });
  const weekday = number(dayOfWeek);
  if (dayOfMonth === '*' && weekday !== null && weekday <= 7) return inLanguage(language, { zh: `每${WEEKDAYS[weekday % 7].zh} ${time}`, en: `every ${WEEKDAYS[weekday % 7].en} at ${time}` });
  const day = number(dayOfMonth);
  if (day !== null && dayOfWeek === '*') return inLanguage(language, { zh: `每月 ${day} 日 ${time}`, en: `monthly on day ${day} at ${time}` });
  return cron;
}
