import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig, Clock } from '@app/core';
import { RefreshToken } from './refresh-token.entity';

const TOKEN_FORMAT = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export type RotationResult =
  | { outcome: 'rotated'; userId: string; familyId: string; grace?: true }
  | { outcome: 'invalid' }
  | { outcome: 'reused'; userId: string; familyId: string };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * How long a just-rotated token may be presented again by the web app. A reload aborts a refresh
 * in flight after the server rotated the cookie but before the browser stored the new one, so the
 * reloaded page presents the old cookie: without this window reuse detection would sign it out.
 */
export const ROTATION_GRACE_MS = 15_000;

/**
 * Refresh tokens are `<id>.<secret>`; only the secret's hash is stored. Each use rotates the
 * token; presenting a used one again means it was stolen, and the whole family is revoked.
 */
@Injectable()
export class RefreshTokens {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(manager: EntityManager, userId: string, familyId: string = randomUUID()): Promise<string> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await manager.insert(RefreshToken, {
      id,
      userId,
      familyId,
      tokenHash: sha256(secret),
      issuedAt: now,
      expiresAt: new Date(now.getTime() + this.config.get('REFRESH_TOKEN_TTL_DAYS') * 86_400_000),
    });
    return `${id}.${secret}`;
  }

  /**
   * Marks the token used, atomically: of two concurrent uses one rotates and the other counts as
   * reuse. With `grace`, a token rotated less than ROTATION_GRACE_MS ago whose successor has not
   * been used yet rotates again (a sibling in the same family) instead of counting as reuse.
   */
  async consume(manager: EntityManager, token: string, options: { grace?: boolean } = {}): Promise<RotationResult> {
    const stored = await this.find(manager, token);
    if (!stored) return { outcome: 'invalid' };
    const now = this.clock.now();
    const claimed = await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ usedAt: now, revokedAt: now, revokedReason: 'rotated' })
      .where('id = :id AND revoked_at IS NULL AND expires_at > :now', { id: stored.id, now })
      .execute();
    if (claimed.affected === 1) {
      // Siblings a grace rotation issued that were never used: only the token used goes on.
      await this.revokeOthersInFamily(manager, stored.familyId, stored.id, 'superseded');
      return { outcome: 'rotated', userId: stored.userId, familyId: stored.familyId };
    }
    if (options.grace && (await this.withinGrace(manager, stored, now))) {
      return { outcome: 'rotated', userId: stored.userId, familyId: stored.familyId, grace: true };
    }
    if (stored.revokedReason === 'rotated' || stored.revokedReason === 'superseded' || stored.usedAt) {
      return { outcome: 'reused', userId: stored.userId, familyId: stored.familyId };
    }
    return { outcome: 'invalid' };
  }

  /**
   * Rotated moments ago, its family still live, and no token issued since then used: the client
   * that asked most likely never received the successor. Once a successor is used, presenting
   * the old token again is a replay, however soon.
   */
  private async withinGrace(manager: EntityManager, stored: RefreshToken, now: Date): Promise<boolean> {
    if (stored.revokedReason !== 'rotated' || !stored.usedAt || stored.expiresAt <= now) return false;
    if (now.getTime() - stored.usedAt.getTime() > ROTATION_GRACE_MS) return false;
    // Locks the family, so that a grace rotation and a rotation of the successor are not interleaved.
    const rows: { revoked_at: Date | null; used_at: Date | null; issued_at: Date }[] = await manager.query(
      `SELECT revoked_at, used_at, issued_at FROM refresh_tokens WHERE family_id = $1 AND id <> $2 FOR UPDATE`,
      [stored.familyId, stored.id],
    );
    const live = rows.some((row) => row.revoked_at === null);
    const successorUsed = rows.some((row) => row.used_at !== null && row.issued_at.getTime() >= stored.usedAt!.getTime());
    return live && !successorUsed;
  }

  private async revokeOthersInFamily(manager: EntityManager, familyId: string, exceptId: string, reason: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: this.clock.now(), revokedReason: reason })
      .where('family_id = :familyId AND id <> :exceptId AND revoked_at IS NULL', { familyId, exceptId })
      .execute();
  }

  /** The token's row when the secret matches, whatever its state. */
  async find(manager: EntityManager, token: string): Promise<RefreshToken | null> {
    const match = TOKEN_FORMAT.exec(token);
    if (!match) return null;
    const stored = await manager.findOneBy(RefreshToken, { id: match[1] });
    if (!stored) return null;
    const expected = Buffer.from(stored.tokenHash, 'hex');
    const actual = Buffer.from(sha256(match[2]), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? stored : null;
  }

  async revokeFamily(manager: EntityManager, familyId: string, reason: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: this.clock.now(), revokedReason: reason })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
    return result.affected ?? 0;
  }

  async revokeAllOfUser(manager: EntityManager, userId: string, reason: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: this.clock.now(), revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }
}
