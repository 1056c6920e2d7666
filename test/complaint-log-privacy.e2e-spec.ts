import { Writable } from 'node:stream';
import { complaintBody } from './support/complaint-fixtures';
import { seedWorld, signInAll } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

class CapturedLog extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

/** Complainants' identity, their complaints' text and their secrets never reach the logs. */
describe('complaints: what the logs never hold', () => {
  const log = new CapturedLog();
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'info' }, logStream: log });
    await seedWorld(t);
  });
  afterAll(() => t.close());

  it('keeps the secret, name, contact and description out of the logs, on success and on refusal', async () => {
    const auth = await signInAll(t);
    const body = complaintBody({ complainantName: '赵六六', complainantContact: 'zhao.liuliu@example.cn', description: 'Private text: my passport number E12345678.' });
    const receipt = await t.http().post('/api/public/complaints').set('x-request-id', 'complaint-log-0001').send(body).expect(201);
    await t.http().get(`/api/public/complaints/${receipt.body.trackingCode}`).set('x-complaint-secret', receipt.body.secret).expect(200);
    await t.http().get(`/api/public/complaints/${receipt.body.trackingCode}`).set('x-complaint-secret', 'a-guessed-secret-999').expect(404);
    await t.http().post('/api/public/complaints').send({ ...body, description: 'short', amountClaimed: 'E12345678' }).expect(400);
    const [{ id }] = (await t.db.query(`SELECT id FROM complaints WHERE tracking_code = $1`, [receipt.body.trackingCode])) as { id: string }[];
    await t.http().get(`/api/complaints/${id}`).set('authorization', auth['fz-admin']).expect(200);

    const text = log.lines.join('\n');
    expect(text).toContain('complaint-log-0001');
    for (const secret of [receipt.body.secret as string, 'a-guessed-secret-999', '赵六六', 'zhao.liuliu', 'E12345678', 'Private text']) {
      expect(text).not.toContain(secret);
    }
  });
});
