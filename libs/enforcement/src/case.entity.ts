import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { NUMBER_COLUMN, VersionedRecord } from '@app/core';

export const CASE_STATUSES = ['opened', 'notice_served', 'representations', 'hearing_requested', 'hearing_held', 'decided', 'closed', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const PROPOSED_SANCTIONS = ['warning', 'fine', 'suspension', 'revocation'] as const;
export type ProposedSanction = (typeof PROPOSED_SANCTIONS)[number];

export const DECIDED_SANCTIONS = ['none', ...PROPOSED_SANCTIONS] as const;
export type DecidedSanction = (typeof DECIDED_SANCTIONS)[number];

export const GROUND_KINDS = ['inspection', 'finding', 'complaint', 'annual_report_overdue', 'reserve_fund_overdue', 'commitment_failed', 'credit_grade_d'] as const;
export type GroundKind = (typeof GROUND_KINDS)[number];

export const APPEAL_BODIES = ['reconsideration', 'litigation'] as const;
export type AppealBody = (typeof APPEAL_BODIES)[number];

export const APPEAL_OUTCOMES = ['upheld', 'varied', 'annulled'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** An enforcement case: a proposed sanction on its way through due process to a decision. */
@Entity('enforcement_cases')
export class EnforcementCase extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** As the issuing province's documents read: 闽人社监〔2026〕17号 (see CaseNumbers). */
  @Column({ update: false }) caseNumber: string;
  /** Null for cases numbered before (EC-000123 reads the same in both languages). */
  @Column({ type: 'text', update: false, nullable: true }) caseNumberEn: string | null;
  @Column('uuid') agencyId: string;
  @Column() jurisdictionCode: string;
  @Column({ type: 'text' }) status: CaseStatus;
  @Column({ type: 'text' }) proposedSanction: ProposedSanction;
  @Column({ type: 'bigint', nullable: true, transformer: NUMBER_COLUMN }) proposedFineAmount: number | null;
  @Column({ type: 'integer', nullable: true }) proposedSuspensionDays: number | null;
  /** Chinese, or an official's own words; `legalBasisEn` the English when the system wrote both. */
  @Column() legalBasis: string;
  @Column({ type: 'text', nullable: true }) legalBasisEn: string | null;
  @Column() facts: string;
  @Column({ type: 'text', nullable: true }) factsEn: string | null;
  @Column({ type: 'uuid', nullable: true }) investigatingOfficerId: string | null;
  @Column({ type: 'uuid', nullable: true }) openedById: string | null;
  @Column() openedByUsername: string;
  @Column({ type: 'timestamptz' }) openedAt: Date;
  @Column({ type: 'date' }) decisionDueOn: string;
  @Column() overdue: boolean;
  @Column({ type: 'timestamptz', nullable: true }) noticeServedAt: Date | null;
  @Column({ type: 'date', nullable: true }) representationDueOn: string | null;
  @Column({ type: 'boolean', nullable: true }) hearingEligible: boolean | null;
  @Column({ type: 'date', nullable: true }) hearingDueOn: string | null;
  @Column({ type: 'text', nullable: true }) representations: string | null;
  @Column({ type: 'timestamptz', nullable: true }) representationsAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) hearingRequestedAt: Date | null;
  @Column({ type: 'text', nullable: true }) hearingRequestReason: string | null;
  @Column({ type: 'date', nullable: true }) hearingHeldOn: string | null;
  @Column({ type: 'text', nullable: true }) hearingAttendees: string | null;
  @Column({ type: 'text', nullable: true }) hearingMinutes: string | null;
  @Column({ type: 'timestamptz', nullable: true }) waivedAt: Date | null;
  @Column({ type: 'text', nullable: true }) waiverStatement: string | null;
  @Column({ type: 'text', nullable: true }) decidedSanction: DecidedSanction | null;
  @Column({ type: 'bigint', nullable: true, transformer: NUMBER_COLUMN }) decidedFineAmount: number | null;
  @Column({ type: 'integer', nullable: true }) decidedSuspensionDays: number | null;
  @Column({ type: 'text', nullable: true }) decisionReasons: string | null;
  @Column({ type: 'uuid', nullable: true }) decidingOfficerId: string | null;
  /** What the public list publishes of the decision, written (or accepted as drafted) by the deciding official. */
  @Column({ type: 'text', nullable: true }) publishedSummaryZh: string | null;
  @Column({ type: 'text', nullable: true }) publishedSummaryEn: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'date', nullable: true }) effectiveOn: string | null;
  @Column({ type: 'date', nullable: true }) reconsiderationDueOn: string | null;
  @Column({ type: 'date', nullable: true }) litigationDueOn: string | null;
  @Column({ type: 'uuid', array: true }) sanctionedLicenceIds: string[];
  @Column({ type: 'text', nullable: true }) appealBody: AppealBody | null;
  @Column({ type: 'date', nullable: true }) appealLodgedOn: string | null;
  @Column({ type: 'text', nullable: true }) appealOutcome: AppealOutcome | null;
  @Column({ type: 'date', nullable: true }) appealDecidedOn: string | null;
  @Column({ type: 'text', nullable: true }) appealNote: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ type: 'text', nullable: true }) withdrawReason: string | null;
}

/** A licence a case concerns: a decision suspends or revokes only the licences its case names. */
@Entity('case_licences')
export class CaseLicence {
  @PrimaryColumn('uuid') caseId: string;
  @PrimaryColumn('uuid') licenceId: string;
}

/** What a case rests on: an inspection, a finding, a complaint, an overdue duty, a D grade. */
@Entity('case_grounds')
export class CaseGround {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') caseId: string;
  @Column({ type: 'text' }) kind: GroundKind;
  /** The id of the record (a finding: `<inspection id>/<item code>`). */
  @Column() reference: string;
  /** What the catalogue names the record by (see case-grounds.ts). */
  @Column({ type: 'jsonb' }) params: Record<string, string | number>;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text', nullable: true }) noteEn: string | null;
}

/** Every step of a case, as its timeline shows it. */
@Entity('case_events')
export class CaseEvent {
  @PrimaryColumn({ type: 'bigint', generated: 'identity' }) id: string;
  @Column('uuid') caseId: string;
  @Column() kind: string;
  @Column({ type: 'text', nullable: true }) fromStatus: string | null;
  @Column() toStatus: string;
  @Column({ type: 'jsonb', nullable: true }) details: Record<string, unknown> | null;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column() actorUsername: string;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
}

export const CASE_DOCUMENT_KINDS = ['notice', 'decision'] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

/** A PDF served to the agency, kept as served. */
@Entity('case_documents')
export class CaseDocument {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') caseId: string;
  @Column({ type: 'text' }) kind: CaseDocumentKind;
  @Column() fileName: string;
  @Column({ type: 'bytea', select: false }) content: Buffer;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export const DEMERIT_SOURCES = ['sanction', 'complaint'] as const;
export type DemeritSource = (typeof DEMERIT_SOURCES)[number];

/** Points per decided sanction and per substantiated complaint by severity (the ministry edits them). */
@Entity('demerit_rules')
export class DemeritRule {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) source: DemeritSource;
  @Column() key: string;
  @Column() points: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}

/** A province's large-amount fine (fen): a fine at or above it gives the right to a hearing. */
@Entity('fine_thresholds')
export class FineThreshold {
  @PrimaryColumn() provinceCode: string;
  @Column({ type: 'bigint', transformer: NUMBER_COLUMN }) largeAmount: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
