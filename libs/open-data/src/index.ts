export * from './open-data.module';
export * from './open-data.service';
export * from './dataset-versions';
export * from './datasets';
export * from './datasets.dto';
export * from './jobs/open-datasets.job';
export * from './messages.zh';
