export * from './complaints.module';
export * from './complaints.service';
export * from './complaint-intake.service';
export * from './complaint-trends.service';
export * from './complaint-rules';
export * from './complaints.dto';
export { complaintRiskSource } from './complaint-risk-source';
export * from './complaint-rollup';
export * from './messages.zh';
