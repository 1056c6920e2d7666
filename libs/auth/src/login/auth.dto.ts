import { namedEnum } from '@app/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ROLES, Role } from '@app/access';
import { UserView } from '../users/users.dto';

export const SESSION_KINDS = ['body', 'cookie'] as const;

export class LoginRequest {
  @IsString() @Length(1, 64) username: string;
  @IsString() @Length(1, 256) password: string;
  /**
   * Where the refresh token goes: `body` (default, API clients) answers it in the JSON; `cookie`
   * (the web app) sets it as the httpOnly cookie `registry_refresh` and leaves it out of the JSON.
   */
  @ApiPropertyOptional(namedEnum('SessionKind', SESSION_KINDS))
  @IsOptional() @IsIn(SESSION_KINDS) session?: (typeof SESSION_KINDS)[number];
}

export class RefreshRequest {
  /** Required unless the web app sends its cookie (with header `X-Registry-Client: web`). */
  @IsOptional() @IsString() @MaxLength(200) refreshToken?: string;
}

export class TokenPair {
  /** A JWT for the Authorization header (`Bearer <token>`). */
  @ApiProperty() accessToken: string;
  /** Single use: each refresh returns a new one. Absent when the token travels in the cookie. */
  @ApiPropertyOptional() refreshToken?: string;
  /** Seconds until the access token expires. */
  @ApiProperty({ example: 900 }) expiresIn: number;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
}

export class MeBureau {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The Chinese (official) name' }) name: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The English name' }) nameEn: string | null;
  @ApiProperty(namedEnum('BureauLevel', ['ministry', 'province', 'city'])) level: string;
  @ApiPropertyOptional({ nullable: true, type: String }) jurisdictionCode: string | null;
}

export class MeAgency {
  @ApiProperty() id: string;
  @ApiProperty() nameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) nameEn: string | null;
}

export class MeView extends UserView {
  @ApiPropertyOptional({ nullable: true, type: MeBureau }) bureau: MeBureau | null;
  /** The agency an agency user works for. */
  @ApiPropertyOptional({ nullable: true, type: MeAgency }) agency: MeAgency | null;
  @ApiProperty() unreadNotifications: number;
  /** Division-code prefix the user's reach covers: '' national, '35' Fujian, null own agency only. */
  @ApiPropertyOptional({ nullable: true, type: String }) jurisdictionPrefix: string | null;
  @ApiProperty(namedEnum('Role', ROLES)) declare role: Role;
}
