export * from './commitment-check-jobs.module';
export * from './commitment-checks.job';
