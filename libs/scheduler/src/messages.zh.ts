import { ZhMessageSet } from '@app/core';

/** Chinese for the scheduler lib's messages. */
export const SCHEDULER_ZH: ZhMessageSet = { terms: { Job: '任务' }, rules: [
    { en: 'The job {job} was run by hand less than {minutes} minutes ago; try again in {seconds} seconds', zh: '任务 {job} 在 {minutes} 分钟内已手动运行过；请在 {seconds} 秒后再试' },
  ],
};
