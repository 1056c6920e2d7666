import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const BUREAU_LEVELS = ['ministry', 'province', 'city'] as const;
export type BureauLevel = (typeof BUREAU_LEVELS)[number];

/** A labour authority: the ministry, a provincial HRSS department or a city labour bureau. */
@Entity('bureaus')
export class Bureau {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column({ type: 'text' }) level: BureauLevel;
  @Column({ type: 'text', nullable: true }) jurisdictionCode: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
