export * from './notification';
export * from './notification-templates';
export * from './notifications.service';
export * from './notifications.module';
export * from './email-delivery';
export * from './messages.zh';
export * from './recipients-policy';
