import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NUMBER_COLUMN } from '@app/core';

export const RESERVE_FUND_ENTRY_KINDS = ['deposit', 'draw'] as const;
export type ReserveFundEntryKind = (typeof RESERVE_FUND_ENTRY_KINDS)[number];

/** One agency's running balance: the row every new entry locks, so entries queue and the balance stays exact. */
@Entity('reserve_fund_accounts')
export class ReserveFundAccount {
  @PrimaryColumn('uuid') agencyId: string;
  @Column() jurisdictionCode: string;
  @Column({ type: 'bigint', transformer: NUMBER_COLUMN }) balanceFen: number;
  @Column() entryCount: number;
  /** Verified deposits less every draw: only this counts toward a top-up. */
  @Column({ type: 'bigint', transformer: NUMBER_COLUMN }) verifiedBalanceFen: number;
  @Column() version: number;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
}

/** A bureau official's check of an entry's bank evidence; append-only, as the ledger is. */
@Entity('reserve_fund_verifications')
export class ReserveFundVerification {
  @PrimaryColumn('uuid') entryId: string;
  @Column('uuid') agencyId: string;
  @Column({ type: 'uuid', nullable: true }) verifiedBy: string | null;
  @Column() verifiedByName: string;
  @CreateDateColumn({ type: 'timestamptz' }) verifiedAt: Date;
}

/** A deposit or draw; never changed or deleted (a correction is a new entry naming the one it corrects). */
@Entity('reserve_fund_entries')
export class ReserveFundEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') agencyId: string;
  @Column() sequence: number;
  @Column({ type: 'text' }) kind: ReserveFundEntryKind;
  @Column({ type: 'bigint', transformer: NUMBER_COLUMN }) amountFen: number;
  @Column({ type: 'bigint', transformer: NUMBER_COLUMN }) balanceAfterFen: number;
  @Column({ type: 'date' }) occurredOn: string;
  @Column() evidence: string;
  @Column() reason: string;
  @Column({ type: 'uuid', nullable: true }) complaintId: string | null;
  @Column({ type: 'uuid', nullable: true }) correctsEntryId: string | null;
  @Column({ type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column() recordedByUsername: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A shortfall below the required amount and the 20 working days the agency has to make it good. */
@Entity('reserve_fund_top_ups')
export class ReserveFundTopUp {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') agencyId: string;
  @Column() jurisdictionCode: string;
  @Column({ type: 'date' }) startedOn: string;
  @Column({ type: 'date' }) dueOn: string;
  @Column({ type: 'bigint', transformer: NUMBER_COLUMN }) requiredFen: number;
  @Column({ type: 'bigint', transformer: NUMBER_COLUMN }) balanceAtStartFen: number;
  @Column({ type: 'date', nullable: true }) metOn: string | null;
  @Column({ type: 'timestamptz', nullable: true }) overdueAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
