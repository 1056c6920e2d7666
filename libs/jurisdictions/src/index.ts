export * from './jurisdictions.module';
export * from './jurisdictions.service';
export * from './bureaus.service';
export * from './bureau.entity';
export * from './jurisdiction.entity';
export * from './messages.zh';
export * from './jurisdiction-names';
export * from './bureau-sql';
