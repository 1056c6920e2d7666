import { Column, Entity } from 'typeorm';
import { AgencyRecord, NUMBER_COLUMN } from '@app/core';
import { LicenceScope, LicenceType } from './licence.entity';

export const APPLICATION_KINDS = ['new', 'renewal', 'variation'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_PROCEDURES = ['standard', 'commitment'] as const;
export type ApplicationProcedure = (typeof APPLICATION_PROCEDURES)[number];

/** The applicant's signed commitment (告知承诺书) that it meets the conditions, verified on site after approval. */
export interface SignedCommitment {
  signatory: string;
  statement: string;
  signedOn: string;
}

export const APPLICATION_STATUSES = ['submitted', 'under_review', 'approved', 'refused', 'returned', 'resubmitted'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

@Entity('licence_applications')
export class LicenceApplication extends AgencyRecord {
  @Column({ type: 'text' }) kind: ApplicationKind;
  @Column({ type: 'text' }) licenceType: LicenceType;
  @Column({ type: 'uuid', nullable: true }) licenceId: string | null;
  @Column({ type: 'jsonb' }) requestedScope: LicenceScope;
  @Column({ type: 'text', nullable: true }) requestedConditions: string | null;
  @Column({ type: 'numeric', nullable: true, transformer: NUMBER_COLUMN }) reserveFundAmount: number | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** `commitment`: approved on the applicant's signed commitment, with an on-site check planned at approval. */
  @Column({ type: 'text', default: 'standard' }) procedure: ApplicationProcedure;
  @Column({ type: 'jsonb', nullable: true }) commitment: SignedCommitment | null;
  @Column({ type: 'text' }) status: ApplicationStatus;
  @Column({ type: 'text', nullable: true }) decisionReason: string | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ type: 'uuid', nullable: true }) resultingLicenceId: string | null;
}
