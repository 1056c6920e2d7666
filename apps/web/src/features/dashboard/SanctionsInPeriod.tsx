import { useQuery } from '@tanstack/react-query';
import { Empty } from 'antd';
import { Link } from 'react-router';
import { api, data } from '@/api/client';
import type { components } from '@/api/schema';
import { useT } from '@/app/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { ProblemAlert } from '@/components/ProblemAlert';

type Kind = components['schemas']['PublicSanctionKind'];
const KINDS: Kind[] = ['fine', 'suspension', 'revocation'];
/** The public list's largest page: beyond it, the figure says "or more" and the list has the rest. */
const LIMIT = 200;

/**
 * Sanctions decided (and not annulled) in the last 12 months, by province and kind, from the public
 * list of sanctions; each number opens that list filtered. Warnings are not published, so not counted.
 */
export function SanctionsInPeriod({ provinceName, today }: { provinceName: (code: string) => string; today: string }) {
  const t = useT();
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const sanctions = useQuery({
    queryKey: ['overview', 'sanctions', from, today],
    queryFn: async ({ signal }) => data(await api.GET('/api/public/sanctions', { params: { query: { from, to: today, limit: LIMIT } }, signal })),
  });
  const counts = new Map<string, Record<Kind, number>>();
  for (const s of sanctions.data?.items ?? []) {
    const province = `${s.jurisdictionCode.slice(0, 2)}0000`;
    const row = counts.get(province) ?? { fine: 0, suspension: 0, revocation: 0 };
    row[s.sanction] += 1;
    counts.set(province, row);
  }
  const listOf = (province: string) => `/sanctions?province=${province}&from=${from}&to=${today}`;
  return (
    <section className="panel" aria-labelledby="sanctions-in-period" data-testid="sanctions-in-period">
      <h2 id="sanctions-in-period">{t.overview.sanctionsTitle}</h2>
      <p className="page-intro">{t.overview.sanctionsIntro(from, today)}</p>
      {sanctions.isPending && <Loading />}
      {sanctions.error && <ProblemAlert error={sanctions.error} onRetry={() => void sanctions.refetch()} />}
      {sanctions.data && counts.size === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.overview.noSanctions} />}
      {counts.size > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.overview.sanctionsTitle}>
          <table className="figures">
            <thead>
              <tr>
                <th scope="col">{t.overview.provinceColumn}</th>
                {KINDS.map((kind) => (
                  <th scope="col" key={kind}>
                    {t.sanctions[`sanction_${kind}`]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...counts.entries()].map(([province, row]) => (
                <tr key={province} data-province={province}>
                  <th scope="row">
                    <Link to={listOf(province)}>{provinceName(province)}</Link>
                  </th>
                  {KINDS.map((kind) => (
                    <td key={kind}>{row[kind]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sanctions.data?.nextCursor && <p className="agency-meta">{t.overview.sanctionsMore(LIMIT)}</p>}
    </section>
  );
}
