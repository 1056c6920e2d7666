export * from './job';
export * from './job-registry';
export * from './job-runner';
export * from './scheduler.module';
export * from './messages.zh';
export * from './scheduler-health';
export * from './scheduler-heartbeat';
