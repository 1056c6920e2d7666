import { Empty } from 'antd';
import { Link } from 'react-router';
import type { components } from '@/lib/api/schema';
import { useT } from '@/lib/i18n/use-i18n';

type Kind = components['schemas']['PublicSanctionKind'];
const KINDS: Kind[] = ['fine', 'suspension', 'revocation'];

/**
 * Sanctions decided (and not annulled) in the overview's period, by province and kind, as the
 * overview report counts them in SQL; each province opens the public list of sanctions filtered.
 * Warnings are not published, so not counted.
 */
export function SanctionsInPeriod({ sanctions, provinceName }: { sanctions: components['schemas']['SanctionsInPeriod']; provinceName: (code: string) => string }) {
  const t = useT();
  const { from, to, byProvince } = sanctions;
  const listOf = (province: string) => `/sanctions?province=${province}&from=${from}&to=${to}`;
  return (
    <section className="panel" aria-labelledby="sanctions-in-period" data-testid="sanctions-in-period">
      <h2 id="sanctions-in-period">{t.overview.sanctionsTitle}</h2>
      <p className="page-intro">{t.overview.sanctionsIntro(from, to)}</p>
      {byProvince.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.overview.noSanctions} />}
      {byProvince.length > 0 && (
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
              {byProvince.map((row) => (
                <tr key={row.province} data-province={row.province}>
                  <th scope="row">
                    <Link to={listOf(row.province)}>{provinceName(row.province)}</Link>
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
    </section>
  );
}
