import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, Problems } from '@app/core';
import { AuditService } from '@app/audit';
import { AgenciesService } from '@app/agencies';
import { BureausService } from '@app/jurisdictions';
import { NotificationsService } from '@app/notifications';
import { AccessTokenClaims, Actor, LiveSessions, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@app/access';
import { User } from '../users/user.entity';
import { UserView } from '../users/users.dto';
import { UsersService } from '../users/users.service';
import { MeView, TokenPair } from './auth.dto';
import { Passwords } from './passwords';
import { LoginThrottle } from './login-throttle';
import { RefreshTokens } from './refresh-tokens';

const INVALID_CREDENTIALS = 'Invalid username or password';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly bureaus: BureausService,
    private readonly agencies: AgenciesService,
    private readonly notifications: NotificationsService,
    private readonly passwords: Passwords,
    private readonly refreshTokens: RefreshTokens,
    private readonly loginThrottle: LoginThrottle,
    private readonly sessions: LiveSessions,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Signs a user in. A wrong username, a wrong password, a locked account and an address that
   * must wait all get the same answer, and take as long. Failures slow down the address they
   * come from (see LoginThrottle) and, past LOGIN_MAX_FAILURES, lock the account for
   * LOGIN_LOCK_MINUTES, except against an address with no failures for it: an outsider cannot
   * lock its owner out.
   */
  async login(username: string, password: string, clientIp = 'unknown'): Promise<Required<TokenPair>> {
    const user = await this.users.findForLogin(this.dataSource.manager, username);
    const now = this.clock.now();
    const throttle = await this.loginThrottle.state(this.dataSource.manager, username, clientIp);
    const passwordMatches = await this.passwords.verify(user?.passwordHash, password);
    const locked = !!user?.lockedUntil && user.lockedUntil > now && throttle.failures > 0;
    if (!user || !passwordMatches || throttle.waiting || locked) {
      const reason = throttle.waiting ? 'address-waiting' : locked ? 'locked' : user ? 'wrong-password' : 'unknown-username';
      if (!throttle.waiting) await this.dataSource.transaction((manager) => this.loginThrottle.fail(manager, username, clientIp));
      if (user && !passwordMatches && !throttle.waiting) await this.registerFailure(user, username);
      else await this.recordAttempt(user, username, user ? 'auth.login_refused' : 'auth.login_failed', { reason });
      throw Problems.unauthorized(INVALID_CREDENTIALS, 'invalid-credentials');
    }
    if (user.status !== 'active') {
      await this.recordAttempt(user, username, 'auth.login_refused', { reason: 'disabled' });
      throw Problems.unauthorized('This account is disabled', 'account-disabled');
    }
    return this.dataSource.transaction(async (manager) => {
      // Plain SQL: a sign-in is not an edit of the account, so it must not bump its version.
      await manager.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1`, [user.id, now]);
      await this.loginThrottle.succeed(manager, username, clientIp);
      const tokens = await this.issueTokens(manager, user);
      await this.audit.record(manager, { action: 'auth.login', entityType: 'user', entityId: user.id, actor: this.partyOf(user) });
      return tokens;
    });
  }

  /**
   * Rotates a refresh token. A token presented twice revokes its whole family (it was copied),
   * except the web app's cookie presented again within the rotation grace (see RefreshTokens).
   */
  async refresh(token: string, options: { grace?: boolean } = {}): Promise<Required<TokenPair>> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rotation = await this.refreshTokens.consume(manager, token, options);
      if (rotation.outcome === 'invalid') return { refused: 'invalid' as const };
      const user = await this.users.findById(manager, rotation.userId);
      if (rotation.outcome === 'reused' || !user || user.status !== 'active') {
        const reason = rotation.outcome === 'reused' ? 'reuse-detected' : 'user-disabled';
        const revoked = await this.refreshTokens.revokeFamily(manager, rotation.familyId, reason);
        await this.sessions.announce(manager, rotation.userId);
        await this.audit.record(manager, {
          action: rotation.outcome === 'reused' ? 'auth.refresh_reuse' : 'auth.refresh_refused',
          entityType: 'user',
          entityId: rotation.userId,
          after: { familyId: rotation.familyId, revokedTokens: revoked },
          actor: user ? this.partyOf(user) : undefined,
        });
        return { refused: reason, userId: rotation.userId };
      }
      const tokens = await this.issueTokens(manager, user, rotation.familyId);
      await this.audit.record(manager, {
        action: 'auth.refresh',
        entityType: 'user',
        entityId: user.id,
        actor: this.partyOf(user),
        ...(rotation.outcome === 'rotated' && rotation.grace ? { after: { familyId: rotation.familyId, withinRotationGrace: true } } : {}),
      });
      return { tokens };
    });
    if ('tokens' in outcome && outcome.tokens) return outcome.tokens;
    if ('userId' in outcome && outcome.userId) this.sessions.forget(outcome.userId);
    throw Problems.unauthorized(
      outcome.refused === 'reuse-detected'
        ? 'This refresh token was already used; every session from that sign-in has been ended'
        : 'The refresh token is invalid, expired or revoked',
    );
  }

  /**
   * Ends the sign-in the refresh token belongs to: its refresh tokens and the access tokens issued
   * in it (other sign-ins of the same user go on). Unknown tokens are ignored (logout is idempotent).
   */
  async logout(token: string): Promise<void> {
    const userId = await this.dataSource.transaction(async (manager) => {
      const stored = await this.refreshTokens.find(manager, token);
      if (!stored) return null;
      const revoked = await this.refreshTokens.revokeFamily(manager, stored.familyId, 'logout');
      await this.sessions.announce(manager, stored.userId);
      const user = await this.users.findById(manager, stored.userId);
      await this.audit.record(manager, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: stored.userId,
        after: { familyId: stored.familyId, revokedTokens: revoked },
        actor: user ? this.partyOf(user) : undefined,
      });
      return stored.userId;
    });
    if (userId) this.sessions.forget(userId);
  }

  async me(actor: Actor): Promise<MeView> {
    const user = await this.users.findById(this.dataSource.manager, actor.userId);
    if (!user) throw Problems.unauthorized('The signed-in user no longer exists');
    const [bureau, [agency], unreadNotifications] = await Promise.all([
      user.bureauId ? this.bureaus.findById(user.bureauId) : null,
      user.agencyId ? this.agencies.findByIds([user.agencyId]) : [],
      this.notifications.unreadCount(user.id),
    ]);
    return {
      ...UserView.of(user),
      bureau: bureau ? { id: bureau.id, name: bureau.name, nameEn: bureau.nameEn, level: bureau.level, jurisdictionCode: bureau.jurisdictionCode } : null,
      agency: agency ? { id: agency.id, nameZh: agency.nameZh, nameEn: agency.nameEn } : null,
      jurisdictionPrefix: actor.jurisdictionPrefix,
      unreadNotifications,
    };
  }

  private async issueTokens(manager: EntityManager, user: User, familyId: string = randomUUID()): Promise<Required<TokenPair>> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      bureauId: user.bureauId,
      agencyId: user.agencyId,
      scope: await this.scopeOf(user),
      sid: familyId,
    };
    const expiresIn = this.config.get('JWT_ACCESS_TTL_SECONDS');
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.get('JWT_SECRET'),
      algorithm: 'HS256',
      expiresIn,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    });
    const refreshToken = await this.refreshTokens.issue(manager, user.id, familyId);
    return { accessToken, refreshToken, expiresIn, tokenType: 'Bearer' };
  }

  private async scopeOf(user: User): Promise<string | null> {
    if (user.role === 'agency_user') return null;
    if (user.role === 'system_admin') return '';
    const bureau = user.bureauId ? await this.bureaus.findById(user.bureauId) : null;
    return bureau ? this.bureaus.scopeOf(bureau) : null;
  }

  /** Counts a failure; the one that reaches the limit locks the account. Returns the lock's end, if locked. */
  private async registerFailure(user: User, attempted: string): Promise<Date | null> {
    const max = this.config.get('LOGIN_MAX_FAILURES');
    const lockUntil = new Date(this.clock.now().getTime() + this.config.get('LOGIN_LOCK_MINUTES') * 60_000);
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE users
            SET failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
                locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN $3 ELSE locked_until END
          WHERE id = $1
          RETURNING locked_until, failed_login_count`,
        [user.id, max, lockUntil],
      )) as [{ locked_until: Date | null; failed_login_count: number }[], number];
      const locked = rows[0]?.locked_until && rows[0].locked_until >= lockUntil ? rows[0].locked_until : null;
      await this.audit.record(manager, {
        action: locked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { attemptedUsername: attempted, lockedUntil: locked },
        actor: this.partyOf(user),
      });
      return locked;
    });
  }

  private async recordAttempt(user: User | null, attempted: string, action: string, details: object): Promise<null> {
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        action,
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { attemptedUsername: attempted.slice(0, 64), ...details },
        actor: user ? this.partyOf(user) : { userId: null, username: 'anonymous', role: 'public' },
      }),
    );
    return null;
  }

  private partyOf(user: User) {
    return { userId: user.id, username: user.username, role: user.role };
  }
}
