import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min } from 'class-validator';
import { PageQuery, namedEnum } from '@app/core';
import { ROLES, Role } from '@app/access';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PasswordPolicy } from './password-policy';
import { User, UserStatus } from './user.entity';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const USERNAME_MESSAGE = 'username must be 3-64 lowercase letters, digits, dots, dashes or underscores';

export class UserQuery extends PageQuery {
  @ApiPropertyOptional(namedEnum('Role', ROLES)) @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @IsUUID() bureauId?: string;
  @ApiPropertyOptional(namedEnum('UserStatus', ['active', 'disabled'])) @IsOptional() @IsIn(['active', 'disabled']) status?: UserStatus;
  /** Part of the username or display name. */
  @IsOptional() @IsString() @MaxLength(64) q?: string;
}

export class CreateUserRequest {
  @Matches(USERNAME, { message: USERNAME_MESSAGE }) username: string;
  @IsString() @Length(1, 120) displayName: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  /** 12 to 256 characters, not containing the username, not a common or leaked password or a pattern (zxcvbn score 3 or more). */
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }) @IsString() @PasswordPolicy() password: string;
  @ApiProperty(namedEnum('Role', ROLES)) @IsIn(ROLES) role: Role;
  /** For bureau roles; a bureau admin may omit it (its own bureau). */
  @IsOptional() @IsUUID() bureauId?: string;
  /** For agency users. */
  @IsOptional() @IsUUID() agencyId?: string;
}

export class UpdateUserRequest {
  /** The version you read; a stale one is refused with 409. */
  @Type(() => Number) @IsInt() @Min(1) version: number;
  @IsOptional() @IsString() @Length(1, 120) displayName?: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional(namedEnum('Role', ROLES)) @IsOptional() @IsIn(ROLES) role?: Role;
  /** Moves an official to another bureau (within the caller's reach); signs the user out everywhere. */
  @IsOptional() @IsUUID() bureauId?: string;
  /** Disabling signs the user out everywhere (refresh tokens revoked). */
  @ApiPropertyOptional(namedEnum('UserStatus', ['active', 'disabled'])) @IsOptional() @IsIn(['active', 'disabled']) status?: UserStatus;
  /** Sets a new password (the same policy as at creation) and signs the user out everywhere. */
  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }) @IsOptional() @IsString() @PasswordPolicy() password?: string;
  /** Clears a login lockout. */
  @IsOptional() @IsBoolean() unlock?: boolean;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiProperty(namedEnum('Role', ROLES)) role: Role;
  @ApiPropertyOptional({ nullable: true, type: String }) bureauId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty(namedEnum('UserStatus', ['active', 'disabled'])) status: UserStatus;
  @ApiPropertyOptional({ nullable: true, type: Date }) lockedUntil: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) lastLoginAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() version: number;

  static of(user: User): UserView {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      bureauId: user.bureauId,
      agencyId: user.agencyId,
      status: user.status,
      lockedUntil: user.lockedUntil,
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
      version: user.version,
    };
  }
}

/** A one-time link to choose a new password: shown once to the administrator who asked for it. */
export class PasswordResetLink {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ description: "The web app's path (with the secret in its fragment) to give to the user; it works once, until expiresAt", example: '/reset-password#…' })
  resetPath: string;
  @ApiProperty() expiresAt: Date;
}

export class CompletePasswordResetRequest {
  @ApiProperty({ description: 'The part of the reset link after #' }) @IsString() @MaxLength(200) token: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }) @IsString() @MaxLength(PASSWORD_MAX_LENGTH) newPassword: string;
}
