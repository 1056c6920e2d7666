import { withClient } from './bench-database';
import { percentile } from './processes';
import { Figure } from './report';
import { BenchContext, Scenario, signIn } from './scenario';

const TRENDS_RUNS = Number(process.env.BENCH_TRENDS_RUNS ?? 30);

const PLAIN_GROUP_BY = (provinceCondition: string) => `
  SELECT date_trunc('month', received_on) AS month, category, count(*) AS complaints,
         count(*) FILTER (WHERE outcome IN ('substantiated', 'partly_substantiated')) AS substantiated,
         count(*) FILTER (WHERE sla_breached) AS breaches,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY timezone('Asia/Shanghai', resolved_at)::date - received_on) AS median_days
    FROM complaints, unnest(categories) AS category
   WHERE received_on BETWEEN $1 AND $2 ${provinceCondition}
   GROUP BY 1, 2`;

async function timed(runs: number, once: () => Promise<unknown>): Promise<number[]> {
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await once();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

/** Complaint trends over 1,000,000 complaints, month x category, against the plain GROUP BY. */
const trends: Scenario = {
  name: 'complaint trends, month x category',
  async run({ api, databaseUrl, password }: BenchContext) {
    const token = await signIn(api, 'bench-ministry', password);
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const figures: Figure[] = [];
    for (const [name, province] of [['one province', '350000'], ['national', '']] as const) {
      const url = `${api.url}/api/complaints/trends?from=${from}&to=${to}&granularity=month&groupBy=category${province ? `&province=${province}` : ''}`;
      const ours = await timed(TRENDS_RUNS, async () => {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`trends: ${response.status}`);
        await response.json();
      });
      const plain = await withClient(databaseUrl, (client) =>
        timed(TRENDS_RUNS, () => client.query(PLAIN_GROUP_BY(province ? `AND jurisdiction_code LIKE '${province.slice(0, 2)}%'` : ''), [from, to])),
      );
      figures.push({ name: `trends ${name} p50`, value: percentile(ours, 50), unit: 'ms', baseline: { name: 'plain GROUP BY', value: percentile(plain, 50) }, target: { kind: 'ratio-at-most', value: 0.1, text: '<= 0.1x (10x faster)' } });
      figures.push({ name: `trends ${name} p95`, value: percentile(ours, 95), unit: 'ms', baseline: { name: 'plain GROUP BY', value: percentile(plain, 95) } });
    }
    return figures;
  },
};

/** The renewal reminder job over 200,000 licences, from a state where nothing was sent yet. */
const reminders: Scenario = {
  name: 'renewal reminder job over 200,000 licences',
  async run({ api, databaseUrl, password }: BenchContext) {
    await withClient(databaseUrl, async (client) => {
      await client.query(`DELETE FROM notifications WHERE kind = 'licence.renewal_reminder'`);
      await client.query(`DELETE FROM licence_reminders`);
    });
    const token = await signIn(api, 'bench-admin', password);
    const started = Date.now();
    const response = await fetch(`${api.url}/api/admin/jobs/licence-renewal-reminders/run`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const seconds = (Date.now() - started) / 1000;
    const run = (await response.json()) as { status: string; counts?: Record<string, number> };
    if (!response.ok || run.status !== 'succeeded') throw new Error(`reminder job: ${response.status} ${JSON.stringify(run)}`);
    console.log(`  reminder job counts: ${JSON.stringify(run.counts)}`);
    return [{ name: 'reminder job, 200,000 licences', value: seconds, unit: 's', target: { kind: 'value-below', value: 15, text: '< 15 s' } }];
  },
};

export const MODULE_SCENARIO_LIST: Scenario[] = [trends, reminders];

/** Complaints with filters, for the scoped list benchmark. */
export const COMPLAINT_LISTS: [string, string[]][] = [
  ['complaints of a province, status + severity filter', ['/api/complaints?limit=50&status=investigating', '/api/complaints?limit=50&severity=urgent', '/api/complaints?limit=50&status=closed&category=recruitment_fee']],
];
