import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SettableClock } from '@app/core';
import { EmailDelivery, MAX_DELIVERY_ATTEMPTS, NotificationRequest, NotificationsService, retryDelayMs } from '@app/notifications';
import { JobRunner, JobRunRecord } from '@app/scheduler';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface ReceivedMail {
  to: string[];
  subject: string;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?...?= / =?UTF-8?Q?...?=) of an unfolded header. */
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

/** A real SMTP server on a free local port that keeps what it receives and refuses on demand. */
async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const control = { refuseNext: 0, refuseAlways: new Set<string>() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        if (control.refuseNext > 0 || to.some((address) => control.refuseAlways.has(address))) {
          control.refuseNext = Math.max(0, control.refuseNext - 1);
          return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
        }
        const raw = chunks.map((c) => c.toString('utf8')).join('');
        const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
        const subject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
        received.push({ to, subject: decodeHeader(subject) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, control, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('notifications: outbox, inbox and email', () => {
  let t: TestApp;
  let world: World;
  let headers: Record<string, string>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let outbox: NotificationsService;
  const clock = new SettableClock('2026-03-02T02:00:00Z');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ clock, env: { SMTP_URL: smtp.url, SMTP_FROM: 'Registry <no-reply@registry.test>' } });
    world = await seedWorld(t);
    headers = await signInAll(t);
    outbox = t.app.get(NotificationsService);
    await t.db.query(`UPDATE users SET email = username || '@example.cn' WHERE username IN ('fj-admin', 'agency-fj-1', 'xm-admin')`);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const enqueue = (requests: NotificationRequest[]) => t.db.transaction((manager) => outbox.enqueueMany(manager, requests));
  const deliver = async () => {
    const run = await t.app.get(JobRunner).runJob('notification-delivery');
    expect(run.status).toBe('succeeded');
    return (run as JobRunRecord).counts;
  };
  const stateOf = async (dedupKey: string) =>
    ((await t.db.query(`SELECT status, attempts, channel FROM notifications WHERE dedup_key = $1`, [dedupKey])) as { status: string; attempts: number; channel: string }[])[0];

  const reminder = (user: string, key: string, channel?: 'inbox' | 'email'): NotificationRequest => ({
    kind: 'licence.renewal_reminder',
    recipientUserId: world.users[user],
    dedupKey: key,
    payload: { licenceNumber: '350000-2021-000001', agencyName: '福州海峡人力资源有限公司', expiresOn: '2026-04-01', daysLeft: 30 },
    channel,
  });

  it('writes a dedup key once, and mails only users with an address', async () => {
    expect(await enqueue([reminder('fj-admin', 'dedup-1'), reminder('fj-admin', 'dedup-1'), reminder('fz-admin', 'dedup-2'), reminder('xm-admin', 'dedup-3', 'inbox')])).toBe(3);
    expect(await enqueue([reminder('fj-admin', 'dedup-1')])).toBe(0);
    expect(await stateOf('dedup-1')).toEqual({ status: 'pending', attempts: 0, channel: 'email' });
    // No address, or inbox asked for: the inbox alone, delivered on writing.
    expect(await stateOf('dedup-2')).toEqual({ status: 'sent', attempts: 0, channel: 'inbox' });
    expect(await stateOf('dedup-3')).toEqual({ status: 'sent', attempts: 0, channel: 'inbox' });
    await deliver();
  });

  it('mails a pending notification bilingually through a real SMTP server, retrying after a refusal', async () => {
    smtp.received.length = 0;
    smtp.control.refuseNext = 1;
    await enqueue([reminder('agency-fj-1', 'mail-1')]);
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await stateOf('mail-1')).toMatchObject({ status: 'pending', attempts: 1 });
    // Within the backoff nothing is tried again.
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(retryDelayMs(1));
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await stateOf('mail-1')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['agency-fj-1@example.cn']);
    expect(smtp.received[0].subject).toBe('许可证 350000-2021-000001 将于 2026-04-01 到期 / Licence 350000-2021-000001 expires on 2026-04-01');
    // Sent is sent: nothing goes out twice.
    clock.advance(retryDelayMs(5));
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it(`marks a notification failed after ${MAX_DELIVERY_ATTEMPTS} refused attempts, backing off exponentially`, async () => {
    smtp.control.refuseAlways.add('xm-admin@example.cn');
    await enqueue([reminder('xm-admin', 'doomed-1')]);
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      expect(await deliver()).toEqual(attempt < MAX_DELIVERY_ATTEMPTS ? { sent: 0, retried: 1, failed: 0 } : { sent: 0, retried: 0, failed: 1 });
      // Just short of the backoff nothing happens; at it, the next attempt.
      clock.advance(retryDelayMs(attempt) - 1000);
      expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
      clock.advance(1000);
    }
    const [row] = (await t.db.query(`SELECT status, attempts, last_error FROM notifications WHERE dedup_key = 'doomed-1'`)) as { status: string; attempts: number; last_error: string }[];
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });
    expect(row.last_error).toContain('451');
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('lists my notifications unread first with keyset pages, and lets me read only my own', async () => {
    await t.db.query(`DELETE FROM notifications WHERE recipient_user_id = $1`, [world.users['agency-fj-1']]);
    await enqueue([0, 1, 2, 3].map((i) => reminder('agency-fj-1', `inbox-${i}`, 'inbox')));
    const others = (await t.db.query(`SELECT id FROM notifications WHERE dedup_key = 'dedup-1'`)) as { id: string }[];
    const first = await t.http().get('/api/me/notifications').set('authorization', headers['agency-fj-1']).expect(200);
    expect(first.body.items).toHaveLength(4);
    expect(first.body.items[0].title).toContain('Licence 350000-2021-000001');
    const read = first.body.items[2] as { id: string };

    const marked = await t.http().post(`/api/me/notifications/${read.id}/read`).set('authorization', headers['agency-fj-1']).expect(200);
    expect(marked.body.readAt).toEqual(expect.any(String));
    await t.http().post(`/api/me/notifications/${read.id}/read`).set('authorization', headers['agency-fj-1']).expect(200);

    // Someone else's notification is a 404, exactly like one that does not exist.
    const foreign = await t.http().post(`/api/me/notifications/${others[0].id}/read`).set('authorization', headers['agency-fj-1']).expect(404);
    expectProblem(foreign.body, 404);
    await t.http().post(`/api/me/notifications/00000000-0000-4000-8000-000000000000/read`).set('authorization', headers['agency-fj-1']).expect(404);
    await t.http().post(`/api/me/notifications/not-a-uuid/read`).set('authorization', headers['agency-fj-1']).expect(400);
    const [{ readAt }] = (await t.db.query(`SELECT read_at AS "readAt" FROM notifications WHERE id = $1`, [others[0].id])) as { readAt: Date | null }[];
    expect(readAt).toBeNull();

    // Pages of one: every notification once, the read one last.
    const seen: { id: string; readAt: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; readAt: string | null }[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/me/notifications')
        .query(cursor ? { limit: 1, cursor } : { limit: 1 })
        .set('authorization', headers['agency-fj-1'])
        .expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen.map((n) => n.id)).size).toBe(4);
    expect(seen[3].id).toBe(read.id);
    expect(seen.slice(0, 3).every((n) => n.readAt === null)).toBe(true);

    // Others see none of mine; signed-out callers nothing at all.
    const admins = await t.http().get('/api/me/notifications').set('authorization', headers['fj-admin']).expect(200);
    expect((admins.body.items as { id: string }[]).some((n) => seen.some((s) => s.id === n.id))).toBe(false);
    await t.http().get('/api/me/notifications').expect(401);

    const [audit] = (await t.db.query(`SELECT actor_username FROM audit_events WHERE action = 'notification.read' AND entity_id = $1`, [read.id])) as { actor_username: string }[];
    expect(audit.actor_username).toBe('agency-fj-1');
  });

  it('delivers nothing from another process at the same time twice', async () => {
    smtp.received.length = 0;
    await enqueue([1, 2, 3].map((i) => reminder('fj-admin', `parallel-${i}`)));
    const delivery = t.app.get(EmailDelivery);
    // Bypassing the job lock: the row locks (SKIP LOCKED) alone keep the senders apart.
    const results = await Promise.all([delivery.deliverPending(), delivery.deliverPending()]);
    expect(results[0].sent + results[1].sent).toBe(3);
    expect(smtp.received).toHaveLength(3);
  });
});
