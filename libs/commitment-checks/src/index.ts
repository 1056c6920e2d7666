export * from './commitment-checks.module';
export * from './commitment-checks.service';
export * from './commitment-check.entity';
export * from './commitment-checks.dto';
export * from './jobs/commitment-checks.job';
