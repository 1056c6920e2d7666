import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { JurisdictionsModule } from '@app/jurisdictions';
import { NotificationsModule } from '@app/notifications';
import { AccessModule } from '@app/access';
import { AuthController } from './login/auth.controller';
import { AuthService } from './login/auth.service';
import { LoginThrottle } from './login/login-throttle';
import { Passwords } from './login/passwords';
import { RefreshToken } from './login/refresh-token.entity';
import { RefreshTokens } from './login/refresh-tokens';
import { User } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { PasswordReset } from './users/password-reset.entity';
import { PasswordResetsService } from './users/password-resets.service';

/** Signing in and managing users: above the domains it needs (audit, jurisdictions, agencies, notifications). */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, RefreshToken, PasswordReset]),
    AccessModule,
    AuditModule,
    JurisdictionsModule,
    AgenciesModule,
    NotificationsModule,
  ],
  controllers: [AuthController, UsersController],
  providers: [Passwords, RefreshTokens, LoginThrottle, UsersService, PasswordResetsService, AuthService],
  exports: [UsersService, Passwords],
})
export class AuthModule {}
