export * from './licensing.module';
export * from './licences.service';
export * from './licence.entity';
export * from './licence-rules';
export * from './licensing.dto';
export * from './licence-applications.service';
export * from './messages.zh';
