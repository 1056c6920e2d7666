export * from './reserve-fund-jobs.module';
export * from './reserve-fund-top-ups.job';
