export * from './checklists.module';
export * from './checklists.service';
export * from './checklist-template.entity';
export * from './checklists.dto';
export * from './language';
export * from './language-header';
export * from './messages.zh';
export * from './item-texts';
