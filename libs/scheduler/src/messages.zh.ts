import { ZhMessageSet } from '@app/core';

/** Chinese for the scheduler lib's messages. */
export const SCHEDULER_ZH: ZhMessageSet = { terms: { Job: '任务' }, rules: [] };
