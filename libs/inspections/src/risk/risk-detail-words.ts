/**
 * The risk factors' details in words, both languages. The sources write them in English (they are stored with
 * the score); a ranking shows both, so an inspector reads the factors in their own language.
 * The page shows a detail after its factor's name, so a detail does not repeat it. A detail no
 * rule knows stays in English rather than be guessed at.
 */
const OUTCOME_ZH: Record<string, string> = {
  compliant: '合规',
  minor_issues: '轻微问题',
  serious_violation: '严重违规',
  critical_violation: '重大违规',
};
const SANCTION_ZH: Record<string, string> = { warning: '警告', fine: '罚款', suspension: '暂停', revocation: '吊销' };

const RULES: [RegExp, (...groups: string[]) => string][] = [
  [/^never inspected$/, () => '从未检查'],
  [/^last inspection (\w+), (\d+) months? ago$/, (outcome, months) => `${OUTCOME_ZH[outcome] ?? outcome}，${months} 个月前`],
  [/^(\d+) open, (\d+) overdue corrective actions$/, (open, overdue) => `${open} 项未完成，${overdue} 项逾期`],
  [/^sanctions in the last 3 years: (.*)$/, (list) => `近 3 年：${list.split(', ').map((entry) => entry.replace(/^(\d+) (\w+)$/, (_m, n: string, kind: string) => `${SANCTION_ZH[kind] ?? kind} ${n} 次`)).join('，')}`],
  [/^(\d+) substantiated complaints? \(weight ([\d.]+) after decay\)$/, (n, weight) => `${n} 件查证属实（按时间衰减后权重 ${weight}）`],
  [/^(\d+) overdue, (\d+) submitted late$/, (overdue, late) => `${overdue} 份逾期未交，${late} 份迟交`],
  [/^(\d+) self-assessment answers? contradicted by inspections$/, (n) => `${n} 项自查回答与检查结果不符`],
  [/^(\d+) workers? placed abroad returned for abuse$/, (n) => `${n} 名外派劳动者因受虐待回国`],
];

export function riskDetailZh(detail: string): string {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(detail);
    if (match) return render(...match.slice(1));
  }
  return detail;
}

const OUTCOME_EN: Record<string, string> = {
  compliant: 'compliant',
  minor_issues: 'minor issues',
  serious_violation: 'serious violation',
  critical_violation: 'critical violation',
};

const RULES_EN: [RegExp, (...groups: string[]) => string][] = [
  [/^last inspection (\w+), (\d+ months? ago)$/, (outcome, age) => `${OUTCOME_EN[outcome] ?? outcome}, ${age}`],
  [/^(\d+) open, (\d+) overdue corrective actions$/, (open, overdue) => `${open} open, ${overdue} overdue`],
  [/^sanctions in the last 3 years: (.*)$/, (list) => `in the last 3 years: ${list}`],
  [/^(\d+) overdue, (\d+) submitted late$/, (overdue, late) => `${overdue} overdue, ${late} submitted late`],
];

/** The English detail as a reader sees it after the factor's name: words for outcomes, the name not repeated. */
export function riskDetailEn(detail: string): string {
  for (const [pattern, render] of RULES_EN) {
    const match = pattern.exec(detail);
    if (match) return render(...match.slice(1));
  }
  return detail;
}
