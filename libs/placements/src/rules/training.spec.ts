import fc from 'fast-check';
import { checkTraining, REQUIRED_TRAINING_TOPICS } from './training';

describe('checkTraining', () => {
  it('passes training done before departure, long enough and covering every required topic', () => {
    fc.assert(fc.property(fc.integer({ min: 24, max: 300 }), fc.array(fc.string({ minLength: 1, maxLength: 10 })), (hours, extra) => {
      expect(checkTraining({ completedOn: '2027-01-10', hours, topics: [...extra, ...REQUIRED_TRAINING_TOPICS] }, '2027-02-01', 24)).toEqual([]);
    }));
  });

  it('names the missing topics, short hours and a late completion', () => {
    const failures = checkTraining({ completedOn: '2027-02-01', hours: 8, topics: ['safety'] }, '2027-02-01', 24);
    expect(failures.map((f) => f.field)).toEqual(['training.completedOn', 'training.hours', 'training.topics']);
    expect(failures[1].messageEn).toBe('pre-departure training must last at least 24 hours');
    expect(failures[2].messageZh).toBe('出境前培训须涵盖：目的国法律和风俗、劳动者权利和劳动合同、求助热线');
  });
});
