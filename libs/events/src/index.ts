export * from './events.module';
export * from './events.service';
export * from './events.dto';
export * from './event-types';
