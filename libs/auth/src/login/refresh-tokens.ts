import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig, Clock } from '@app/core';
import { RefreshToken } from './refresh-token.entity';

const TOKEN_FORMAT = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export type RotationResult =
  | { outcome: 'rotated'; userId: string; familyId: string }
  | { outcome: 'invalid' }
  | { outcome: 'reused'; userId: string; familyId: string };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

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

  /** Marks the token used, atomically: of two concurrent uses one rotates and the other counts as reuse. */
  async consume(manager: EntityManager, token: string): Promise<RotationResult> {
    const stored = await this.find(manager, token);
    if (!stored) return { outcome: 'invalid' };
    const now = this.clock.now();
    const claimed = await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ usedAt: now, revokedAt: now, revokedReason: 'rotated' })
      .where('id = :id AND revoked_at IS NULL AND expires_at > :now', { id: stored.id, now })
      .execute();
    if (claimed.affected === 1) return { outcome: 'rotated', userId: stored.userId, familyId: stored.familyId };
    if (stored.revokedReason === 'rotated' || stored.usedAt) {
      return { outcome: 'reused', userId: stored.userId, familyId: stored.familyId };
    }
    return { outcome: 'invalid' };
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
