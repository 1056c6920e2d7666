export * from './annual-report-jobs.module';
export * from './annual-report-deadlines.job';
