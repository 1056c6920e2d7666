export * from './agencies.module';
export * from './agencies.service';
export * from './agencies.dto';
export * from './agency.entity';
export * from './agency-profile';
export * from './uscc';
export * from './public-register-changes';
export * from './messages.zh';
