export * from './domains.module';
