export * from './self-assessments.module';
export * from './self-assessments.service';
export * from './self-assessment.entity';
export * from './self-assessments.dto';
export * from './messages.zh';
export * from './jobs/self-assessment-deadlines.job';
export * from './self-assessment-counts';
