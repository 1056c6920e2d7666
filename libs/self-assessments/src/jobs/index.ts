export * from './self-assessment-jobs.module';
export * from './self-assessment-deadlines.job';
