import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the append-only audit trail. seq, occurred_at and the hashes are set by the database. */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column() actorUsername: string;
  @Column() actorRole: string;
  @Column() action: string;
  @Column() entityType: string;
  @Column({ type: 'text', nullable: true }) entityId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: unknown;
  @Column({ type: 'jsonb', nullable: true }) after: unknown;
  @Column({ type: 'text', nullable: true }) requestId: string | null;
  @Column() prevHash: string;
  @Column() hash: string;
}
