export * from './api-clients.module';
export * from './api-clients.service';
export * from './api-clients.dto';
export * from './messages.zh';
