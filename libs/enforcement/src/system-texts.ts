import type { Outcome } from '@app/inspections';

/**
 * Texts the system writes into a case (facts, grounds' notes, legal basis) when no officer wrote
 * them: Chinese first (the registry's authorities are Chinese), then English, in one field, so
 * that the notice, the public list and either language of the web app read them whole.
 */
export function bilingual(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

/** An inspection's outcome as the notice names it (the web app's names in each language). */
export const OUTCOME_NAMES: Record<Outcome, { zh: string; en: string }> = {
  compliant: { zh: '合规', en: 'compliant' },
  minor_issues: { zh: '轻微问题', en: 'minor issues' },
  serious_violation: { zh: '严重违规', en: 'serious violation' },
  critical_violation: { zh: '重大违规', en: 'critical violation' },
};

/** The note of an inspection ground: its date (the outcome travels as a field of its own, see CaseGroundView). */
export function inspectionGroundNote(inspectionDate: string): string {
  return bilingual(`${inspectionDate} 检查`, `Inspection of ${inspectionDate}`);
}

export function findingGroundNote(itemCode: string): string {
  return bilingual(`检查项 ${itemCode} 不合规`, `Item ${itemCode} non-compliant`);
}

/** The facts of a case an inspection referred without the inspector's own words: the items failed, or the outcome. */
export function inspectionFacts(inspectionDate: string, nonCompliantItems: string[], outcome: Outcome | null): string {
  if (nonCompliantItems.length > 0) {
    return bilingual(`${inspectionDate} 检查发现不合规项：${nonCompliantItems.join('、')}。`, `The inspection of ${inspectionDate} found: ${nonCompliantItems.join(', ')}.`);
  }
  const name = outcome ? OUTCOME_NAMES[outcome] : { zh: '未记录', en: 'not recorded' };
  return bilingual(`${inspectionDate} 检查结论：${name.zh}。`, `The inspection of ${inspectionDate} found: ${name.en}.`);
}

export const GRADE_D_LEGAL_BASIS = bilingual('信用记分：D 级（24 个月内累计 24 分及以上）', 'Demerit points: grade D (24 or more points in 24 months)');

export function gradeDGroundNote(since: string): string {
  return bilingual(`自 ${since} 起信用等级为 D（24 个月内累计 24 分及以上）`, `Credit grade D since ${since} (24 or more demerit points in 24 months)`);
}

export function gradeDFacts(since: string): string {
  return bilingual(`该机构自 ${since} 起信用等级为 D：最近 24 个月内累计记分 24 分及以上。`, `The agency has held credit grade D since ${since}: 24 or more demerit points in the last 24 months.`);
}
