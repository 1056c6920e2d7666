import { answerProblems } from './self-assessments.service';

describe('answerProblems', () => {
  it('lets a draft leave items out but refuses unknown and repeated codes', () => {
    expect(answerProblems(['A-1', 'A-2'], ['A-2'])).toEqual([]);
    expect(answerProblems(['A-1', 'A-2'], ['A-1', 'X', 'A-1']).map((p) => p.field)).toEqual(['answers[1].itemCode', 'answers[2].itemCode']);
  });
});
