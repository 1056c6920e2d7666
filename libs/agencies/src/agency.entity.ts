import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NUMBER_COLUMN, VersionedRecord } from '@app/core';

export const AGENCY_TYPES = ['domestic_placement', 'overseas_placement', 'labour_service_cooperation'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/** One contribution to an agency's risk score, shown with the score. */
export interface RiskFactor {
  factor: string;
  points: number;
  detail: string;
}

/** A private recruitment agency, identified by its unified social credit code. */
@Entity('agencies')
export class Agency extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() uscc: string;
  @Column() nameZh: string;
  @Column({ type: 'text', nullable: true }) nameEn: string | null;
  @Column() legalRepresentative: string;
  @Column() address: string;
  @Column() jurisdictionCode: string;
  @Column({ type: 'text' }) agencyType: AgencyType;
  @Column({ type: 'text', nullable: true }) contactName: string | null;
  @Column({ type: 'text', nullable: true }) contactPhone: string | null;
  @Column({ type: 'text', nullable: true }) contactEmail: string | null;
  @Column({ type: 'numeric', nullable: true, transformer: NUMBER_COLUMN }) riskScore: number | null;
  @Column({ type: 'jsonb', nullable: true }) riskFactors: RiskFactor[] | null;
  @Column({ type: 'timestamptz', nullable: true }) riskComputedAt: Date | null;
}
