import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedRecord } from '@app/core';

/** A telephone number a worker can call for help, with what it is for (reference/help-lines.csv). */
@Entity('help_lines')
export class HelpLine extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'text' }) nameZh: string;
  @Column({ type: 'text' }) nameEn: string;
  @Column({ type: 'text' }) descriptionZh: string;
  @Column({ type: 'text' }) descriptionEn: string;
  /** Where the number and its purpose are published. */
  @Column({ type: 'text' }) sourceUrl: string;
  @Column({ type: 'int' }) sortOrder: number;
}
