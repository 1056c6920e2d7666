export * from './documents.module';
export * from './pdf-document.service';
export * from './pdf-renderer';
