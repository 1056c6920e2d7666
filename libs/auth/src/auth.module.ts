import { Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgenciesModule } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { BureausService, JurisdictionsModule } from '@app/jurisdictions';
import { NotificationsModule } from '@app/notifications';
import { AccessModule, LiveSessions } from '@app/access';
import { AuthController } from './login/auth.controller';
import { AuthService } from './login/auth.service';
import { LoginThrottle } from './login/login-throttle';
import { Passwords } from './login/passwords';
import { RefreshToken } from './login/refresh-token.entity';
import { RefreshTokens } from './login/refresh-tokens';
import { countActiveMembers, readSessionState } from './login/session-states';
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
export class AuthModule implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: LiveSessions,
    private readonly bureaus: BureausService,
  ) {}

  /** Access and jurisdictions sit below auth: they ask it about users through these readers. */
  onModuleInit(): void {
    this.sessions.readStatesWith((userId, since) => readSessionState(this.dataSource, userId, since));
    this.bureaus.countActiveMembersWith((bureauId) => countActiveMembers(this.dataSource, bureauId));
  }
}
