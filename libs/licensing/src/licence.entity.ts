import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NUMBER_COLUMN, VersionedRecord } from '@app/core';
import { LicenceStatus } from '@app/agencies';

export const LICENCE_TYPES = ['human_resources_service', 'overseas_employment', 'labour_service_cooperation'] as const;
export type LicenceType = (typeof LICENCE_TYPES)[number];

/** What a licence permits: activities, and for placement abroad the destination countries (ISO 3166-1 alpha-2). */
export interface LicenceScope {
  activities: string[];
  destinationCountries: string[];
}

@Entity('licences')
export class Licence extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() licenceNumber: string;
  @Column('uuid') agencyId: string;
  @Column() jurisdictionCode: string;
  @Column({ type: 'text' }) licenceType: LicenceType;
  @Column({ type: 'jsonb' }) scope: LicenceScope;
  @Column('uuid') issuedByBureauId: string;
  @Column({ type: 'text' }) status: LicenceStatus;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date' }) expiresOn: string;
  @Column() term: number;
  @Column({ type: 'date', nullable: true }) suspendedUntil: string | null;
  @Column({ type: 'text', nullable: true }) conditions: string | null;
  @Column({ type: 'numeric', nullable: true, transformer: NUMBER_COLUMN }) reserveFundAmount: number | null;
}

export const LICENCE_EVENT_KINDS = ['issued', 'suspended', 'reinstated', 'revoked', 'surrendered', 'expired', 'renewed', 'varied'] as const;
export type LicenceEventKind = (typeof LICENCE_EVENT_KINDS)[number];

/** Every change of a licence's status or terms. */
@Entity('licence_events')
export class LicenceEvent {
  @PrimaryColumn({ type: 'bigint', generated: 'identity' }) id: string;
  @Column('uuid') licenceId: string;
  @Column({ type: 'text' }) kind: LicenceEventKind;
  @Column({ type: 'text', nullable: true }) fromStatus: string | null;
  @Column() toStatus: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', nullable: true }) details: Record<string, unknown> | null;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column() actorUsername: string;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
}
