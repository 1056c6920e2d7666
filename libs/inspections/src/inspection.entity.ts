import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyRecord, NUMBER_COLUMN, VersionedRecord } from '@app/core';
import { FindingResult, Outcome } from './scoring';

/**
 * `commitment_check`: the on-site verification a commitment-based approval plans; `surveillance`:
 * the inspection entering credit grade C plans. Neither is planned by hand.
 */
export const INSPECTION_TYPES = ['routine', 'complaint', 'follow_up', 'thematic', 'commitment_check', 'surveillance'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const INSPECTION_STATUSES = ['planned', 'in_progress', 'submitted', 'closed', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const SANCTIONS = ['none', 'warning', 'fine', 'suspension', 'revocation'] as const;
export type Sanction = (typeof SANCTIONS)[number];

@Entity('inspections')
export class Inspection extends AgencyRecord {
  @Column({ type: 'text' }) type: InspectionType;
  @Column({ type: 'text' }) status: InspectionStatus;
  @Column({ type: 'date' }) inspectionDate: string;
  @Column('uuid') templateId: string;
  @Column({ type: 'uuid', nullable: true }) leadInspectorId: string | null;
  @Column({ type: 'uuid', nullable: true }) bureauId: string | null;
  @Column({ type: 'uuid', nullable: true }) complaintId: string | null;
  @Column({ type: 'uuid', nullable: true }) followUpOfId: string | null;
  /** The inspectors' own notes (tip-offs, planning): never shown to the agency. */
  @Column({ type: 'text', nullable: true }) notes: string | null;
  /** What the inspectors mean the agency to read. */
  @Column({ type: 'text', nullable: true }) noteToAgency: string | null;
  @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  @Column({ type: 'numeric', nullable: true, transformer: NUMBER_COLUMN }) score: number | null;
  @Column({ type: 'integer', nullable: true }) violationPoints: number | null;
  @Column({ type: 'text', nullable: true }) outcome: Outcome | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ type: 'text', nullable: true }) sanctionProposal: Sanction | null;
  @Column({ type: 'numeric', nullable: true, transformer: NUMBER_COLUMN }) proposedFineAmount: number | null;
  @Column({ type: 'integer', nullable: true }) proposedSuspensionDays: number | null;
  @Column({ type: 'text', nullable: true }) sanctionProposalReason: string | null;
  @Column({ type: 'text', nullable: true }) sanctionDecision: Sanction | null;
  @Column({ type: 'numeric', nullable: true, transformer: NUMBER_COLUMN }) decidedFineAmount: number | null;
  @Column({ type: 'integer', nullable: true }) decidedSuspensionDays: number | null;
  @Column({ type: 'text', nullable: true }) sanctionDecisionReason: string | null;
  @Column({ type: 'uuid', nullable: true }) sanctionDecidedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) sanctionDecidedAt: Date | null;
  @Column({ type: 'uuid', array: true, nullable: true }) sanctionedLicenceIds: string[] | null;
}

/** What an inspector found on one checklist item. */
@Entity('inspection_findings')
export class Finding {
  @PrimaryColumn('uuid') inspectionId: string;
  @PrimaryColumn() itemCode: string;
  @Column({ type: 'text' }) result: FindingResult;
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** References to evidence kept elsewhere (document numbers, file ids, photo references). */
  @Column({ type: 'jsonb' }) evidence: string[];
}

/** A correction or remark added after submission; the submitted findings themselves never change. */
@Entity('inspection_addenda')
export class Addendum {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') inspectionId: string;
  @Column({ type: 'text', nullable: true }) itemCode: string | null;
  @Column({ type: 'text', nullable: true }) correctedResult: FindingResult | null;
  @Column() note: string;
  @Column({ type: 'uuid', nullable: true }) authorId: string | null;
  @Column() authorUsername: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export const CORRECTIVE_ACTION_STATUSES = ['open', 'submitted', 'verified', 'overdue'] as const;
export type CorrectiveActionStatus = (typeof CORRECTIVE_ACTION_STATUSES)[number];

/** What the agency must put right for one non-compliant item, by a date. */
@Entity('corrective_actions')
export class CorrectiveAction extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') inspectionId: string;
  @Column('uuid') agencyId: string;
  @Column() jurisdictionCode: string;
  @Column() itemCode: string;
  @Column() description: string;
  @Column({ type: 'date' }) dueOn: string;
  @Column({ type: 'text' }) status: CorrectiveActionStatus;
  @Column({ type: 'text', nullable: true }) agencyResponse: string | null;
  @Column({ type: 'timestamptz', nullable: true }) respondedAt: Date | null;
  @Column({ type: 'text', nullable: true }) inspectorNote: string | null;
  @Column({ type: 'uuid', nullable: true }) verifiedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
}
