export * from './licence-jobs.module';
export * from './licence-renewal-reminders.job';
export * from './licence-expiry.job';
export * from './reminder-offsets';
