export * from './inspection-jobs.module';
export * from './corrective-action-deadlines.job';
export * from './risk-scores.job';
