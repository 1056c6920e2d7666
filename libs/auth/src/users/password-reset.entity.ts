import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time link to set a new password; only the secret's hash is kept. */
@Entity('password_resets')
export class PasswordReset {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @Column() tokenHash: string;
  @Column('uuid') issuedBy: string;
  @Column({ type: 'timestamptz' }) issuedAt: Date;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
}
