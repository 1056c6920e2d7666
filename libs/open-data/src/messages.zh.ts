import { ZhMessageSet } from '@app/core';

/** Chinese for the open datasets' messages. */
export const OPEN_DATA_ZH: ZhMessageSet = {
  terms: { Dataset: '数据集' },
  rules: [],
};
