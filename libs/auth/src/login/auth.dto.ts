import { namedEnum } from '@app/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { ROLES, Role } from '../access/roles';
import { UserView } from '../users/users.dto';

export class LoginRequest {
  @IsString() @Length(1, 64) username: string;
  @IsString() @Length(1, 256) password: string;
}

export class RefreshRequest {
  @IsString() @MaxLength(200) refreshToken: string;
}

export class TokenPair {
  /** A JWT for the Authorization header (`Bearer <token>`). */
  @ApiProperty() accessToken: string;
  /** Single use: each refresh returns a new one. */
  @ApiProperty() refreshToken: string;
  /** Seconds until the access token expires. */
  @ApiProperty({ example: 900 }) expiresIn: number;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
}

export class MeBureau {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty(namedEnum('BureauLevel', ['ministry', 'province', 'city'])) level: string;
  @ApiPropertyOptional({ nullable: true, type: String }) jurisdictionCode: string | null;
}

export class MeView extends UserView {
  @ApiPropertyOptional({ nullable: true, type: MeBureau }) bureau: MeBureau | null;
  /** Division-code prefix the user's reach covers: '' national, '35' Fujian, null own agency only. */
  @ApiPropertyOptional({ nullable: true, type: String }) jurisdictionPrefix: string | null;
  @ApiProperty(namedEnum('Role', ROLES)) declare role: Role;
}
