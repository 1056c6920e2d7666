import { addMonths, creditGrade, decisionOpensOn, hearingEligible, heavierThanProposed, variationProblems } from './case-rules';

describe('case rules', () => {
  it('a hearing may be asked for a suspension, a revocation, or a fine at or above the large amount (every fine until one is set)', () => {
    expect(hearingEligible('warning', null, null)).toBe(false);
    expect(hearingEligible('suspension', null, 1)).toBe(true);
    expect(hearingEligible('fine', 100, null)).toBe(true);
    expect(hearingEligible('fine', 99, 100)).toBe(false);
    expect(hearingEligible('fine', 100, 100)).toBe(true);
  });

  it('a decision opens the day after the last window, at once when waived or heard', () => {
    const base = { status: 'notice_served' as const, waivedAt: null, representationDueOn: '2026-02-27', hearingEligible: true, hearingDueOn: '2026-02-27' };
    expect(decisionOpensOn(base)).toBe('2026-02-28');
    expect(decisionOpensOn({ ...base, waivedAt: new Date() })).toBeNull();
    expect(decisionOpensOn({ ...base, status: 'hearing_held' })).toBeNull();
  });

  it('points give grades at the boundaries', () => {
    expect([0, 1, 11, 12, 23, 24].map((p) => creditGrade(p, true))).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
    expect(creditGrade(0, false)).toBe('B');
  });

  it('a decision may be lighter, never heavier', () => {
    const c = { proposedSanction: 'fine' as const, proposedFineAmount: 1000, proposedSuspensionDays: null };
    expect(heavierThanProposed(c, { sanction: 'fine', fineAmount: 1000 })).toBe(false);
    expect(heavierThanProposed(c, { sanction: 'fine', fineAmount: 1001 })).toBe(true);
    expect(heavierThanProposed(c, { sanction: 'suspension', suspensionDays: 1 })).toBe(true);
    expect(heavierThanProposed(c, { sanction: 'none' })).toBe(false);
  });

  it('adds months clamping to the month end', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
  });

  it('an appeal varies a decision to a lighter sanction only: not heavier, not the same, not none', () => {
    const suspended = { decidedSanction: 'suspension' as const, decidedFineAmount: null, decidedSuspensionDays: 30 };
    expect(variationProblems(suspended, { sanction: 'warning' })).toEqual([]);
    expect(variationProblems(suspended, { sanction: 'fine', fineAmount: 1 })).toEqual([]);
    expect(variationProblems(suspended, { sanction: 'suspension', suspensionDays: 29 })).toEqual([]);
    expect(variationProblems(suspended, { sanction: 'suspension', suspensionDays: 30 }).map((p) => p.field)).toEqual(['suspensionDays']);
    expect(variationProblems(suspended, { sanction: 'suspension', suspensionDays: 31 }).map((p) => p.field)).toEqual(['suspensionDays']);
    expect(variationProblems(suspended, { sanction: 'revocation' }).map((p) => p.field)).toEqual(['sanction']);
    expect(variationProblems(suspended, { sanction: 'none' }).map((p) => p.field)).toEqual(['sanction']);
    const fined = { decidedSanction: 'fine' as const, decidedFineAmount: 500_000, decidedSuspensionDays: null };
    expect(variationProblems(fined, { sanction: 'fine', fineAmount: 500_001 }).map((p) => p.field)).toEqual(['fineAmount']);
    expect(variationProblems(fined, { sanction: 'warning' })).toEqual([]);
  });
});
