import { canTransition, COMPLAINT_STATUSES, COMPLAINT_TRANSITIONS, severityOf } from './complaint-rules';

describe('severityOf', () => {
  const category = (severityFloor: 'low' | 'medium' | 'high' | 'urgent', forcedLabourIndicator = false) => ({ code: 'x', severityFloor, forcedLabourIndicator });

  it('takes the highest severity floor', () => {
    expect(severityOf([category('low'), category('high'), category('medium')])).toBe('high');
    expect(severityOf([category('low')])).toBe('low');
  });

  it('is urgent whenever a forced-labour indicator is named, whatever its floor', () => {
    expect(severityOf([category('low'), category('medium', true)])).toBe('urgent');
  });
});

describe('complaint transitions', () => {
  it('never lets a complaint go back to received, or stay where it is', () => {
    for (const from of COMPLAINT_STATUSES) {
      expect(canTransition(from, 'received')).toBe(false);
      expect(canTransition(from, from)).toBe(false);
    }
  });

  it('closes only disposed complaints and reopens only disposed or closed ones', () => {
    const into = (to: string) => COMPLAINT_STATUSES.filter((from) => COMPLAINT_TRANSITIONS[from].includes(to as never)).sort();
    expect(into('closed')).toEqual(['dismissed', 'referred', 'resolved']);
    expect(into('reopened')).toEqual(['closed', 'dismissed', 'referred', 'resolved']);
    expect(into('resolved')).toEqual(['investigating']);
  });
});
