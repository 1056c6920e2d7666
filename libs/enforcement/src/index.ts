export * from './enforcement.module';
export * from './cases.service';
export * from './demerit-points.service';
export * from './case.entity';
export * from './case-rules';
export * from './cases.dto';
export * from './messages.zh';
export * from './case-grounds';
