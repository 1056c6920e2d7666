import { firesDaily } from './scheduler-heartbeat';

describe('firesDaily', () => {
  it('counts a job daily when it fires every day, however often', () => {
    for (const cron of ['0 8 * * *', '* * * * *', '0 */2 * * *', '*/5 * * * * *']) expect(firesDaily(cron)).toBe(true);
  });

  it('does not hold jobs of some days or months to the 26-hour rule', () => {
    for (const cron of ['0 8 1,20 3 *', '0 3 * * 1', '0 0 1 * *']) expect(firesDaily(cron)).toBe(false);
  });
});
