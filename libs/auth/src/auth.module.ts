import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { JurisdictionsModule } from '@app/jurisdictions';
import { NotificationsModule } from '@app/notifications';
import { AccessGuard } from './access/access.guard';
import { AccessTokens } from './access/access-tokens';
import { JwtStrategy } from './access/jwt.strategy';
import { LiveSessions } from './access/live-sessions';
import { RoutePolicies } from './access/route-policies';
import { AuthController } from './login/auth.controller';
import { AuthService } from './login/auth.service';
import { LoginThrottle } from './login/login-throttle';
import { Passwords } from './login/passwords';
import { RefreshToken } from './login/refresh-token.entity';
import { RefreshTokens } from './login/refresh-tokens';
import { SignInRequestsGuard } from './login/sign-in-requests.guard';
import { User } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { PasswordReset } from './users/password-reset.entity';
import { PasswordResetsService } from './users/password-resets.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, RefreshToken, PasswordReset]),
    PassportModule,
    JwtModule.register({}),
    DiscoveryModule,
    AuditModule,
    JurisdictionsModule,
    AgenciesModule,
    NotificationsModule,
  ],
  controllers: [AuthController, UsersController],
  providers: [JwtStrategy, LiveSessions, AccessGuard, AccessTokens, RoutePolicies, Passwords, RefreshTokens, LoginThrottle, UsersService, PasswordResetsService, AuthService, SignInRequestsGuard],
  exports: [AccessGuard, SignInRequestsGuard, AccessTokens, RoutePolicies, UsersService, Passwords],
})
export class AuthModule {}
