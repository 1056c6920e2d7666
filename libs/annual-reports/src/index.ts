export * from './annual-reports.module';
export * from './annual-reports.service';
export * from './annual-report-summary.service';
export * from './annual-report.entity';
export * from './annual-report-rules';
export * from './annual-reports.dto';
export * from './messages.zh';
export * from './jobs/annual-report-deadlines.job';
