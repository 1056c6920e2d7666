export * from './complaint-jobs.module';
export * from './complaint-sla.job';
export * from './complaint-rollup-check.job';
