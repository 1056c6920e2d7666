import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedRecord } from '@app/core';

export const BUREAU_LEVELS = ['ministry', 'province', 'city'] as const;
export type BureauLevel = (typeof BUREAU_LEVELS)[number];
export const BUREAU_STATUSES = ['active', 'disabled'] as const;
export type BureauStatus = (typeof BUREAU_STATUSES)[number];

/** A labour authority: the ministry, a provincial HRSS department or a city labour bureau. */
@Entity('bureaus')
export class Bureau extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** The Chinese (official) name. */
  @Column() name: string;
  @Column({ type: 'text', nullable: true }) nameEn: string | null;
  @Column({ type: 'text' }) level: BureauLevel;
  @Column({ type: 'text', nullable: true }) jurisdictionCode: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  /** A disabled bureau (merged or closed) keeps its records but takes no new users or complaints. */
  @Column({ type: 'text' }) status: BureauStatus;
}
