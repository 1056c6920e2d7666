export * from './roles';
export * from './actor';
export * from './access.decorators';
export * from './scope';
