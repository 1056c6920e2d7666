export * from './working-calendar.module';
export * from './working-calendar.service';
export { endOfBusinessDay } from './working-days';
export * from './messages.zh';
