import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, ProblemException, Problems } from '@app/core';
import { Actor, LiveSessions } from '@app/access';
import { Passwords } from '../login/passwords';
import { RefreshTokens } from '../login/refresh-tokens';
import { passwordProblems } from './password-policy';
import { PasswordReset } from './password-reset.entity';
import { User } from './user.entity';
import { PasswordResetLink } from './users.dto';
import { UsersService } from './users.service';

/** A link works for a day: long enough to reach someone by phone, short enough not to linger in a mailbox. */
const LINK_LIFETIME_MS = 24 * 3_600_000;
const TOKEN_FORMAT = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const invalidLink = () =>
  new ProblemException(HttpStatus.BAD_REQUEST, 'invalid-reset-link', 'This password reset link is not valid: it was used, replaced or has expired. Ask your administrator for a new one');

/**
 * Password resets by an administrator: a one-time link (never the password itself) that the
 * administrator hands to the user, who chooses a new password with it. Issuing a link cancels the
 * user's earlier ones; using it ends every sign-in of the account.
 */
@Injectable()
export class PasswordResetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwords: Passwords,
    private readonly refreshTokens: RefreshTokens,
    private readonly sessions: LiveSessions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async issue(actor: Actor, userId: string): Promise<PasswordResetLink> {
    const user = await this.users.get(actor, userId);
    if (user.status === 'disabled') throw Problems.conflict('user-disabled', 'The account is disabled: enable it before resetting its password');
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(PasswordReset, { userId, usedAt: IsNull(), cancelledAt: IsNull() }, { cancelledAt: now });
      await manager.insert(PasswordReset, { id, userId, tokenHash: sha256(secret), issuedBy: actor.userId, issuedAt: now, expiresAt, usedAt: null, cancelledAt: null });
      await this.audit.record(manager, { action: 'user.password-reset-issue', entityType: 'user', entityId: userId, after: { resetId: id, expiresAt } });
    });
    // A fragment, not a query: browsers do not send it to the server, so the secret stays out of access logs.
    return { userId, username: user.username, resetPath: `/reset-password#${id}.${secret}`, expiresAt };
  }

  /** Sets the new password if the link is good; the link is spent even if two requests race. */
  async complete(token: string, newPassword: string): Promise<void> {
    const match = TOKEN_FORMAT.exec(token);
    if (!match) throw invalidLink();
    const [, id, secret] = match;
    const reset = await this.dataSource.manager.findOneBy(PasswordReset, { id });
    if (!reset || !timingSafeEqual(Buffer.from(reset.tokenHash), Buffer.from(sha256(secret)))) throw invalidLink();
    const user = await this.dataSource.manager.findOneBy(User, { id: reset.userId });
    if (!user || user.status !== 'active') throw invalidLink();
    const problems = passwordProblems(newPassword, user, 'newPassword');
    if (problems.length > 0) throw Problems.invalid(problems);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const claimed = await manager
        .createQueryBuilder()
        .update(PasswordReset)
        .set({ usedAt: now })
        .where('id = :id AND used_at IS NULL AND cancelled_at IS NULL AND expires_at > :now', { id, now })
        .execute();
      if (claimed.affected !== 1) throw invalidLink();
      // Plain SQL: a reset is not an edit an administrator made, so it keeps the account's version;
      // a lockout from forgotten-password attempts ends with it.
      await manager.query(`UPDATE users SET password_hash = $2, password_changed_at = $3, failed_login_count = 0, locked_until = NULL WHERE id = $1`, [user.id, passwordHash, now]);
      await this.refreshTokens.revokeAllOfUser(manager, user.id, 'credentials-changed');
      await this.sessions.announce(manager, user.id);
      await this.audit.record(manager, { action: 'user.password-reset-complete', entityType: 'user', entityId: user.id, actor: { userId: user.id, username: user.username, role: user.role }, after: { resetId: id } });
    });
    this.sessions.forget(user.id);
  }
}
