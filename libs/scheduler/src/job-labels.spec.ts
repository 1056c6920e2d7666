import { countLabels, jobTitle, scheduleText } from './job-labels';

describe('job labels', () => {
  it('says a cron expression in words, in each language', () => {
    expect(scheduleText('40 7 * * *', 'zh-CN')).toBe('每天 07:40');
    expect(scheduleText('40 7 * * *', 'en')).toBe('daily at 07:40');
    expect(scheduleText('0 * * * *', 'zh-CN')).toBe('每小时第 0 分');
    expect(scheduleText('0 * * * *', 'en')).toBe('every hour at :00');
    expect(scheduleText('* * * * *', 'zh-CN')).toBe('每分钟');
    expect(scheduleText('*/5 * * * *', 'en')).toBe('every 5 minutes');
    expect(scheduleText('0 9 * * 1', 'zh-CN')).toBe('每星期一 09:00');
    expect(scheduleText('0 9 1 * *', 'en')).toBe('monthly on day 1 at 09:00');
    expect(scheduleText('0 9 1 1 *', 'en')).toBe('0 9 1 1 *');
  });

  it('names jobs and count keys, keeping unknown ones as they are', () => {
    expect(jobTitle('complaint-sla', 'zh-CN')).toBe('投诉处理期限督办');
    expect(jobTitle('complaint-sla', 'en')).toBe('Complaint deadlines');
    expect(jobTitle('new-job', 'zh-CN')).toBe('new-job');
    expect(countLabels(['reminders', 'mystery'], 'zh-CN')).toEqual({ reminders: '提醒', mystery: 'mystery' });
  });
});
