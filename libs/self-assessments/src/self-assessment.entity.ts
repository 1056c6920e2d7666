import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AgencyRecord, NUMBER_COLUMN } from '@app/core';
import { Answer } from '@app/inspections';

export const SELF_ASSESSMENT_STATUSES = ['draft', 'submitted', 'accepted', 'returned', 'resubmitted'] as const;
export type SelfAssessmentStatus = (typeof SELF_ASSESSMENT_STATUSES)[number];

/** An agency's answers about itself for one period (year), against one checklist version. */
@Entity('self_assessments')
export class SelfAssessment extends AgencyRecord {
  @Column('uuid') templateId: string;
  @Column() period: number;
  @Column({ type: 'date' }) dueOn: string;
  @Column({ type: 'text' }) status: SelfAssessmentStatus;
  @Column({ type: 'numeric', nullable: true, transformer: NUMBER_COLUMN }) score: number | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'text', nullable: true }) reviewNote: string | null;
  @Column({ type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) openedByBureauId: string | null;
}

@Entity('self_assessment_answers')
export class SelfAssessmentAnswer {
  @PrimaryColumn('uuid') selfAssessmentId: string;
  @PrimaryColumn() itemCode: string;
  @Column({ type: 'text' }) answer: Answer;
  @Column({ type: 'text', nullable: true }) comment: string | null;
}
