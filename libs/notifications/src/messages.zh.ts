import { ZhMessageSet } from '@app/core';

/** Chinese for the notifications lib's messages. */
export const NOTIFICATIONS_ZH: ZhMessageSet = { terms: { Notification: '通知' }, rules: [] };
