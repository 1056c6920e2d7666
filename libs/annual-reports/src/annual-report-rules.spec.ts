import { consistencyProblems, missingFigures, reminderDueOn } from './annual-report-rules';

const figures = {
  workersPlacedDomestic: 10,
  workersPlacedAbroad: 5,
  placementsAbroad: [
    { country: 'SG', workers: 3 },
    { country: 'JP', workers: 2 },
  ],
  employersServed: 4,
  feesFromEmployersFen: 100_00,
  feesChargedToWorkersFen: 0,
  feesChargedToWorkersAbroadFen: 0,
  complaintsReceived: 0,
  staffCount: 3,
};

describe('annual report rules', () => {
  it('accepts consistent totals', () => {
    expect(consistencyProblems(figures)).toEqual([]);
    expect(missingFigures(figures)).toEqual([]);
  });

  it('names placements that do not add up, repeated countries, and fees abroad above all fees', () => {
    const fields = consistencyProblems({
      ...figures,
      placementsAbroad: [
        { country: 'SG', workers: 3 },
        { country: 'SG', workers: 3 },
      ],
      feesChargedToWorkersAbroadFen: 5,
    }).map((p) => p.field);
    expect(fields).toEqual(['placementsAbroad[1].country', 'placementsAbroad', 'feesChargedToWorkersAbroadFen']);
  });

  it('lets a draft leave figures out, and lists them before submission', () => {
    const draft = { ...figures, staffCount: null, workersPlacedAbroad: null, placementsAbroad: [] };
    expect(consistencyProblems(draft)).toEqual([]);
    // Placements by country may come later, but not at submission.
    expect(consistencyProblems({ ...figures, placementsAbroad: [] })).toEqual([]);
    expect(consistencyProblems({ ...figures, placementsAbroad: [] }, true).map((p) => p.field)).toEqual(['placementsAbroad']);
    expect(missingFigures(draft)).toEqual(['workersPlacedAbroad', 'staffCount']);
  });

  it('sends the 1 March reminder until the 19th and the 20 March one to the end of March', () => {
    expect(reminderDueOn('2026-02-28')).toBeNull();
    expect(reminderDueOn('2026-03-01')).toBe('03-01');
    expect(reminderDueOn('2026-03-19')).toBe('03-01');
    expect(reminderDueOn('2026-03-20')).toBe('03-20');
    expect(reminderDueOn('2026-03-31')).toBe('03-20');
    expect(reminderDueOn('2026-04-01')).toBeNull();
  });
});
