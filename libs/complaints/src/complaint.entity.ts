import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { namedEnum, NUMBER_COLUMN } from '@app/core';
import { ComplaintChannel, ComplaintOutcome, ComplaintStatus, SEVERITIES, Severity } from './complaint-rules';

/** A complaint from a worker or the public, with its routing, deadlines and outcome. */
@Entity('complaints')
export class Complaint {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() trackingCode: string;
  @Column({ select: false }) secretHash: string;
  @Column({ select: false }) secretSalt: string;
  /** Keyed hash of the 6-digit PIN; null for complaints filed before PINs (they keep the secret). */
  @Column({ type: 'text', nullable: true, select: false }) pinHash: string | null;
  @Column({ type: 'text', nullable: true, select: false }) dedupHash: string | null;
  @Column({ type: 'text' }) channel: ComplaintChannel;
  @Column({ type: 'timestamptz' }) receivedAt: Date;
  @Column({ type: 'date' }) receivedOn: string;
  @Column({ type: 'text', nullable: true }) complainantName: string | null;
  @Column({ type: 'text', nullable: true }) complainantContact: string | null;
  @Column({ type: 'uuid', nullable: true }) agencyId: string | null;
  @Column({ type: 'text', nullable: true }) agencyNameGiven: string | null;
  @Column({ type: 'text', nullable: true }) licenceNumberGiven: string | null;
  @Column({ type: 'text', nullable: true }) usccGiven: string | null;
  @Column() jurisdictionCode: string;
  @Column({ type: 'text', array: true }) categories: string[];
  @Column() description: string;
  @Column({ type: 'text', nullable: true }) destinationCountry: string | null;
  /** The check code of the placement abroad the complaint is about, as the worker gave it. */
  @Column({ type: 'text', nullable: true }) placementCode: string | null;
  @Column({ type: 'numeric', nullable: true, transformer: NUMBER_COLUMN }) amountClaimed: number | null;
  @Column({ type: 'text' }) severity: Severity;
  @Column({ type: 'text' }) status: ComplaintStatus;
  @Column({ type: 'uuid', nullable: true }) assignedBureauId: string | null;
  @Column({ type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ type: 'timestamptz' }) ackDueAt: Date;
  @Column({ type: 'timestamptz' }) resolveDueAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) extendedAt: Date | null;
  @Column({ type: 'text', nullable: true }) extensionReason: string | null;
  @Column() slaBreached: boolean;
  @Column({ type: 'text', nullable: true }) outcome: ComplaintOutcome | null;
  @Column({ type: 'uuid', nullable: true }) inspectionId: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
  /** The work-list order, kept by the complaints_work_order trigger (running deadline; disposed-of last). */
  @Column({ type: 'timestamptz', insert: false, update: false }) workOrder: Date;
  @VersionColumn() version: number;
}

export const COMPLAINT_EVENT_KINDS = ['received', 'assigned', 'transition', 'extended', 'agency_answer', 'inspection_linked'] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

/** One entry of a complaint's history. */
@Entity('complaint_events')
export class ComplaintEvent {
  @PrimaryColumn({ type: 'bigint', generated: 'identity' }) id: string;
  @Column('uuid') complaintId: string;
  @Column({ type: 'text' }) kind: ComplaintEventKind;
  @Column({ type: 'text', nullable: true }) fromStatus: string | null;
  @Column({ type: 'text', nullable: true }) toStatus: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text', nullable: true }) publicNote: string | null;
  @Column({ type: 'jsonb', nullable: true }) details: Record<string, unknown> | null;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column() actorUsername: string;
  @Column() actorRole: string;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
}

/** A category of complaint (reference/complaint-categories.csv). */
@Entity('complaint_categories')
export class ComplaintCategory {
  @PrimaryColumn() code: string;
  @ApiProperty(namedEnum('ComplaintSeverity', SEVERITIES)) @Column({ type: 'text' }) severityFloor: Severity;
  @Column() forcedLabourIndicator: boolean;
  @Column() nameZh: string;
  @Column() nameEn: string;
  /** What the category covers, in English. */
  @Column() description: string;
  /** What the category covers, in Chinese (shown on Chinese pages beside the name). */
  @Column() descriptionZh: string;
}
