export * from './job';
export * from './job-registry';
export * from './job-discovery';
export * from './scheduled-job.decorator';
export * from './job-runner';
export * from './scheduler.module';
export * from './messages.zh';
