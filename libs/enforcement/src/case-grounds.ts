import type { Outcome } from '@app/inspections';
import type { GroundKind, ProposedSanction } from './case.entity';

/** A text in both languages: Chinese for zh readers, English for en readers, never the two mixed. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** What a caller knows about the record a ground names (an inspection's date, a report's year...). */
export type GroundParams = Record<string, string | number>;

/** Kinds only the system's jobs open cases on: an official names an inspection, a finding or a complaint. */
export const JOB_GROUND_KINDS = ['annual_report_overdue', 'reserve_fund_overdue', 'commitment_failed', 'credit_grade_d'] as const satisfies readonly GroundKind[];
export type JobGroundKind = (typeof JOB_GROUND_KINDS)[number];

export function isJobGround(kind: GroundKind): kind is JobGroundKind {
  return (JOB_GROUND_KINDS as readonly string[]).includes(kind);
}

/** An inspection's outcome as the notice names it (the web app's names in each language). */
export const OUTCOME_NAMES: Record<Outcome, Bilingual> = {
  compliant: { zh: '合规', en: 'compliant' },
  minor_issues: { zh: '轻微问题', en: 'minor issues' },
  serious_violation: { zh: '严重违规', en: 'serious violation' },
  critical_violation: { zh: '重大违规', en: 'critical violation' },
};

const KIND_NAMES: Record<GroundKind, Bilingual> = {
  inspection: { zh: '检查', en: 'Inspection' },
  finding: { zh: '检查项不合规', en: 'Non-compliant item' },
  complaint: { zh: '投诉', en: 'Complaint' },
  annual_report_overdue: { zh: '年度报告逾期未报', en: 'Annual report overdue' },
  reserve_fund_overdue: { zh: '备用金逾期未补足', en: 'Reserve fund top-up overdue' },
  commitment_failed: { zh: '告知承诺核查未通过', en: 'Commitment check failed' },
  credit_grade_d: { zh: '信用等级 D', en: 'Credit grade D' },
};

const str = (params: GroundParams, key: string): string | null => (params[key] === undefined || params[key] === '' ? null : String(params[key]));
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * How a case names each ground's record, from its parameters; null when the parameters lack what
 * the name needs (grounds recorded before the catalogue kept them).
 */
const LABELS: Record<GroundKind, (p: GroundParams) => Bilingual | null> = {
  inspection: (p) => (str(p, 'inspectionDate') ? { zh: `${p.inspectionDate} 检查`, en: `Inspection of ${p.inspectionDate}` } : null),
  finding: (p) =>
    str(p, 'itemCode') && str(p, 'inspectionDate')
      ? { zh: `${p.inspectionDate} 检查的检查项 ${p.itemCode} 不合规`, en: `Item ${p.itemCode} non-compliant (inspection of ${p.inspectionDate})` }
      : null,
  complaint: (p) => (str(p, 'trackingCode') ? { zh: `投诉 ${p.trackingCode}（经查属实）`, en: `Complaint ${p.trackingCode} (substantiated)` } : null),
  annual_report_overdue: (p) => (str(p, 'year') ? { zh: `${p.year} 年度报告逾期未报`, en: `${p.year} annual report not filed on time` } : null),
  reserve_fund_overdue: (p) => (str(p, 'dueOn') ? { zh: `备用金未于 ${p.dueOn} 前补足`, en: `Reserve fund not topped up by ${p.dueOn}` } : null),
  commitment_failed: (p) =>
    str(p, 'inspectionDate') ? { zh: `${p.inspectionDate} 告知承诺现场核查未通过`, en: `On-site commitment check of ${p.inspectionDate} failed` } : null,
  credit_grade_d: (p) =>
    str(p, 'since') ? { zh: `自 ${p.since} 起信用等级为 D（24 个月内累计 24 分及以上）`, en: `Credit grade D since ${p.since} (24 or more demerit points in 24 months)` } : null,
};

/** A ground as users read it: the record named, never its id (the kind's name and the note when the parameters are missing). */
export function groundLabel(kind: GroundKind, params: GroundParams, note: Bilingual | null): Bilingual {
  const label = LABELS[kind](params);
  if (label) return label;
  const name = KIND_NAMES[kind];
  return note ? { zh: `${name.zh}：${note.zh}`, en: `${name.en}: ${note.en}` } : name;
}

/** What a job's ground proposes: the sanction, its legal basis and the facts, in both languages. */
export interface GroundProposal {
  sanction: ProposedSanction;
  legalBasis: Bilingual;
  facts: Bilingual;
}

const PROPOSALS: Record<JobGroundKind, (p: GroundParams) => GroundProposal> = {
  annual_report_overdue: (p) => ({
    sanction: 'warning',
    legalBasis: { zh: '人力资源市场暂行条例 第四十条、第四十八条', en: 'Interim Regulation on the Human Resources Market, art. 40, 48' },
    facts: { zh: `未按期（${p.dueOn}前）报送 ${p.year} 年度报告。`, en: `The annual report for ${p.year} was not filed by ${p.dueOn}.` },
  }),
  reserve_fund_overdue: (p) => ({
    sanction: 'warning',
    legalBasis: { zh: '对外劳务合作管理条例 第十条、第四十条', en: 'Regulation on Foreign Labour Service Cooperation, art. 10, 40' },
    facts: {
      zh: `备用金未在 ${p.dueOn} 前补足至 ${yuan(Number(p.requiredFen))} 元。`,
      en: `The reserve fund was not topped up to ¥${yuan(Number(p.requiredFen))} by ${p.dueOn}.`,
    },
  }),
  commitment_failed: (p) => ({
    sanction: 'revocation',
    legalBasis: { zh: '人力资源社会保障行政许可告知承诺制：虚假承诺', en: 'Commitment-based licensing: a false commitment' },
    facts: {
      zh: `${p.inspectionDate} 对告知承诺制许可的现场核查发现严重或重大违规。`,
      en: `The on-site check of ${p.inspectionDate} of a licence granted on the applicant's written commitment found a serious or critical violation.`,
    },
  }),
  credit_grade_d: (p) => ({
    sanction: 'revocation',
    legalBasis: { zh: '信用记分：D 级（24 个月内累计 24 分及以上）', en: 'Demerit points: grade D (24 or more points in 24 months)' },
    facts: {
      zh: `该机构自 ${p.since} 起信用等级为 D：最近 24 个月内累计记分 24 分及以上。`,
      en: `The agency has held credit grade D since ${p.since}: 24 or more demerit points in the last 24 months.`,
    },
  }),
};

export function groundProposal(kind: JobGroundKind, params: GroundParams): GroundProposal {
  return PROPOSALS[kind](params);
}

/** The legal basis of a case an inspection referred. */
export const INSPECTION_LEGAL_BASIS: Bilingual = { zh: '人力资源市场暂行条例；检查发现', en: 'Interim Regulation on the Human Resources Market; inspection findings' };

/** The facts of a case an inspection referred without the inspector's own words: the items failed, or the outcome. */
export function inspectionFacts(inspectionDate: string, nonCompliantItems: string[], outcome: Outcome | null): Bilingual {
  if (nonCompliantItems.length > 0) {
    return { zh: `${inspectionDate} 检查发现不合规项：${nonCompliantItems.join('、')}。`, en: `The inspection of ${inspectionDate} found: ${nonCompliantItems.join(', ')}.` };
  }
  const name = outcome ? OUTCOME_NAMES[outcome] : { zh: '未记录', en: 'not recorded' };
  return { zh: `${inspectionDate} 检查结论：${name.zh}。`, en: `The inspection of ${inspectionDate} found: ${name.en}.` };
}
