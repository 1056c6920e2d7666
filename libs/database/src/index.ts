export * from './database.module';
export * from './database-options';
export * from './database-url';
export * from './embedded-postgres';
export * from './migration-runner';
export * from './snake-naming.strategy';
export * from './app-role';
export * from './notification-listener';
