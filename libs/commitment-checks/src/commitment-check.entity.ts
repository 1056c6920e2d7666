import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const COMMITMENT_CHECK_STATES = ['pending', 'overdue', 'passed', 'failed'] as const;
export type CommitmentCheckState = (typeof COMMITMENT_CHECK_STATES)[number];

/** The on-site verification a commitment-based approval owes, and what became of it. */
@Entity('commitment_checks')
export class CommitmentCheck {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') applicationId: string;
  @Column('uuid') licenceId: string;
  @Column('uuid') agencyId: string;
  @Column() jurisdictionCode: string;
  @Column('uuid') inspectionId: string;
  @Column({ type: 'date' }) dueOn: string;
  @Column({ type: 'timestamptz', nullable: true }) overdueAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) failedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) passedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
