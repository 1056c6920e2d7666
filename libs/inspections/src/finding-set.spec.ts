import { findingSetProblems } from './inspections.service';

describe('findingSetProblems', () => {
  const items = [{ code: 'A-1' }, { code: 'A-2' }, { code: 'B-1' }];

  it('accepts every item exactly once, in any order', () => {
    expect(findingSetProblems(items, ['B-1', 'A-1', 'A-2'])).toEqual([]);
  });

  it('names unknown and repeated codes by position, and the missing ones together', () => {
    expect(findingSetProblems(items, ['A-1', 'Z-9', 'A-1'])).toEqual([
      { field: 'findings[1].itemCode', message: "Z-9 is not an item of this inspection's checklist" },
      { field: 'findings[2].itemCode', message: 'A-1 is given more than once' },
      { field: 'findings', message: 'every checklist item needs a finding; missing: A-2, B-1' },
    ]);
  });
});
