import { creditReasonTexts } from './credit-reasons';

describe('creditReasonTexts', () => {
  it('gives the stored reasons in both languages', () => {
    expect(creditReasonTexts('Substantiated complaint (high)')).toEqual({ zh: '投诉经查属实（紧急程度：高）', en: 'Substantiated complaint (severity high)' });
    expect(creditReasonTexts('EC-000012: fine')).toEqual({ zh: '行政处罚 EC-000012：罚款', en: 'Sanction EC-000012: fine' });
    expect(creditReasonTexts('something else')).toEqual({ zh: 'something else', en: 'something else' });
  });
});
