import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const CHECKLIST_KINDS = ['inspection', 'self_assessment'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

export const CRITICALITIES = ['critical', 'major', 'minor'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const TEMPLATE_STATUSES = ['draft', 'published'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** One version of a checklist. Published versions never change; a change is a new version. */
@Entity('checklist_templates')
export class ChecklistTemplate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column({ type: 'text' }) kind: ChecklistKind;
  @Column() version: number;
  @Column() titleZh: string;
  @Column() titleEn: string;
  @Column({ type: 'text' }) status: TemplateStatus;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('checklist_items')
export class ChecklistItem {
  @PrimaryColumn('uuid') templateId: string;
  @PrimaryColumn() code: string;
  @Column() position: number;
  @Column() section: string;
  @Column({ type: 'text' }) criticality: Criticality;
  @Column() points: number;
  @Column({ type: 'text', nullable: true }) legalBasis: string | null;
  @Column() textZh: string;
  @Column() textEn: string;
}
