import { EntityManager } from 'typeorm';

/** Announced on every change that alters a public answer; payload: licence numbers and USCCs, space-separated, or '*'. */
export const PUBLIC_REGISTER_CHANNEL = 'public_register_changes';

/**
 * Announces, inside the transaction that makes the change, that public answers about these
 * licence numbers or USCCs are stale. PostgreSQL delivers it to every listening API process
 * when (and only if) the transaction commits.
 */
export async function announcePublicChange(manager: EntityManager, keys: string[]): Promise<void> {
  await manager.query(`SELECT pg_notify($1, $2)`, [PUBLIC_REGISTER_CHANNEL, keys.join(' ').slice(0, 7000)]);
}
