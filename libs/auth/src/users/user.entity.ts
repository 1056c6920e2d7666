import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedRecord } from '@app/core';
import { Role } from '@app/access';

export type UserStatus = 'active' | 'disabled';

@Entity('users')
export class User extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() username: string;
  @Column() displayName: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ select: false }) passwordHash: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ type: 'uuid', nullable: true }) bureauId: string | null;
  @Column({ type: 'uuid', nullable: true }) agencyId: string | null;
  @Column({ type: 'text' }) status: UserStatus;
  @Column() failedLoginCount: number;
  @Column({ type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastLoginAt: Date | null;
  @Column({ type: 'timestamptz' }) passwordChangedAt: Date;
}
