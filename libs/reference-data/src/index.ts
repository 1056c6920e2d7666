export * from './reference-data.module';
export * from './reference-data.service';
export * from './help-line.entity';
export * from './country-note.entity';
export * from './reference-data.dto';
export * from './messages.zh';
