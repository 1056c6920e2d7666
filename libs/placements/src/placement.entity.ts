import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NUMBER_COLUMN, VersionedRecord } from '@app/core';
import type { ClauseKind, ContractTerms } from './rules/contract-clauses';
import type { TrainingRecord } from './rules/training';

export const PLACEMENT_STATUSES = ['filed', 'returned'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export const RETURN_REASONS = ['completed', 'ended_early', 'abuse', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** A worker an agency sent abroad. Her ID number and phone are stored only encrypted, hashed and masked. */
@Entity('placements')
export class Placement extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() checkCode: string;
  @Column('uuid') agencyId: string;
  @Column() jurisdictionCode: string;
  @Column('uuid') licenceId: string;
  @Column() destinationCountry: string;
  @Column() employerName: string;
  @Column() employerCountry: string;
  @Column() employerAddress: string;
  @Column() jobTitle: string;
  @Column() workerName: string;
  @Column({ select: false }) workerIdEncrypted: string;
  @Column({ select: false }) workerIdHash: string;
  @Column() workerIdMasked: string;
  @Column({ select: false }) workerPhoneEncrypted: string;
  @Column() workerPhoneMasked: string;
  @Column({ type: 'jsonb' }) contract: ContractTerms;
  @Column({ type: 'jsonb' }) training: TrainingRecord;
  @Column({ type: 'date' }) departureDate: string;
  @Column({ type: 'text' }) status: PlacementStatus;
  @Column({ type: 'date', nullable: true }) returnedOn: string | null;
  @Column({ type: 'text', nullable: true }) returnReason: ReturnReason | null;
  @Column({ type: 'text', nullable: true }) returnNote: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
}

/** A clause of the sample contract (reference data, docs/placements.md). */
@Entity('placement_contract_clauses')
export class PlacementContractClause extends VersionedRecord {
  @PrimaryColumn() code: string;
  @Column({ type: 'text' }) kind: ClauseKind;
  @Column({ type: 'jsonb' }) params: Record<string, number>;
  @Column() titleZh: string;
  @Column() titleEn: string;
  @Column() sourceTitle: string;
  @Column() sourceUrl: string;
  @Column() sortOrder: number;
  @Column() active: boolean;
}

/** A destination country: its name, minimum monthly wage (when configured) and local help line. */
@Entity('placement_destinations')
export class PlacementDestination extends VersionedRecord {
  @PrimaryColumn() countryCode: string;
  @Column() nameZh: string;
  @Column() nameEn: string;
  @Column({ type: 'numeric', nullable: true, transformer: NUMBER_COLUMN }) minimumMonthlyWage: number | null;
  @Column({ type: 'text', nullable: true }) wageCurrency: string | null;
  @Column({ type: 'text', nullable: true }) wageSourceUrl: string | null;
  @Column({ type: 'text', nullable: true }) helpLineNumber: string | null;
  @Column({ type: 'text', nullable: true }) helpLineNameZh: string | null;
  @Column({ type: 'text', nullable: true }) helpLineNameEn: string | null;
  @Column({ type: 'text', nullable: true }) helpLineSourceUrl: string | null;
}
