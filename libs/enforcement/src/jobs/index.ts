export * from './enforcement-jobs.module';
export * from './case-deadlines.job';
export * from './credit-grades.job';
