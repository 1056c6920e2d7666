import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useProvinces } from '@/lib/api/reference';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { Button, Field, ProblemMessage } from '@/components/public-ui';
import { useRegister, type RegisterFilter } from './use-register';
import { Loading } from '@/components/Loading';
import { LicenceStatusTag } from '@/components/LicenceStatusTag';
import { CreditGradeTag } from '@/components/CreditGradeTag';

const STATUSES = ['active', 'suspended', 'revoked', 'expired', 'surrendered'] as const;
type Status = (typeof STATUSES)[number];

function isStatus(value: string | null): value is Status {
  return STATUSES.some((status) => status === value);
}

/** The public register; the filter lives in the address so a search can be shared or reloaded. */
export function RegisterPage() {
  const t = useT();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filter: RegisterFilter = {
    q: params.get('q') || undefined,
    province: params.get('province') || undefined,
    status: isStatus(status) ? status : undefined,
  };
  const register = useRegister(filter);
  const provinces = useProvinces();
  const agencies = register.data?.pages.flatMap((page) => page.items) ?? [];

  const [values, setValues] = useState<{ q: string; province?: string; status?: string }>({ q: filter.q ?? '', province: filter.province, status: filter.status });
  const update = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) if (value?.trim()) next.set(key, value.trim());
    setParams(next, { replace: true });
  };

  return (
    <div className="stack">
      <PageHeading title={t.register.title} intro={t.register.intro} />
      <form className="panel" role="search" onSubmit={update}>
        <Field id="q" label={t.register.searchLabel}>
          <input id="q" type="search" className="pu-input" value={values.q} onChange={(e) => setValues({ ...values, q: e.target.value })} placeholder={t.register.searchPlaceholder} autoComplete="off" />
        </Field>
        <div className="card-grid">
          <Field id="province" label={t.register.province}>
            <NativeSelect
              id="province"
              value={values.province}
              onChange={(province) => setValues({ ...values, province })}
              placeholder={t.register.allProvinces}
              options={(provinces.data ?? []).map((p) => ({ value: p.code.slice(0, 2), label: language === 'en' ? p.nameEn : p.nameZh }))}
            />
          </Field>
          <Field id="status" label={t.register.status}>
            <NativeSelect id="status" value={values.status} onChange={(status) => setValues({ ...values, status })} placeholder={t.register.allStatuses} options={STATUSES.map((s) => ({ value: s, label: t.licenceStatus[s] }))} />
          </Field>
        </div>
        <Button variant="primary" type="submit" block>
          {t.common.search}
        </Button>
      </form>

      <section aria-labelledby="register-results" aria-busy={register.isFetching}>
        <h2 id="register-results" className="visually-hidden">
          {t.register.results}
        </h2>
        {register.isPending && (
          <Loading />
        )}
        {register.error && <ProblemMessage error={register.error} onRetry={() => void register.refetch()} />}
        {/* Plain text, not antd's Empty (and its picture): the register is a worker's first load on a phone. */}
        {register.isSuccess && agencies.length === 0 && (
          <p className="empty-result" role="status">
            {t.register.noResults}
          </p>
        )}
        <ul className="result-list">
          {agencies.map((agency) => (
            <li key={agency.uscc} className="panel">
              <h3 className="agency-name">{language === 'en' && agency.nameEn ? agency.nameEn : agency.nameZh}</h3>
              <p className="agency-meta">{agency.uscc}</p>
              <p>
                <CreditGradeTag grade={agency.creditGrade} /> <Link to={`/sanctions?q=${agency.uscc}`}>{t.sanctions.seeSanctions}</Link>
              </p>
              {agency.creditPoints ? (
                <details className="agency-meta">
                  <summary>{t.sanctions.points(agency.creditPoints)}</summary>
                  <ul>
                    {agency.creditReasons.map((r) => (
                      <li key={`${r.reason}-${r.awardedOn}`}>
                        {r.reason} · {r.points} · {formatDate(r.awardedOn, language)}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              <ul className="licence-list">
                {agency.licences.map((licence) => (
                  <li key={licence.licenceNumber}>
                    <Link to={`/verify/${licence.licenceNumber}`}>{licence.licenceNumber}</Link>{' '}
                    <LicenceStatusTag status={licence.status} />
                    <span className="agency-meta">
                      {t.licenceType[licence.licenceType]} · {t.register.expires(formatDate(licence.expiresOn, language))}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        {register.hasNextPage && (
          <Button block onClick={() => void register.fetchNextPage()} loading={register.isFetchingNextPage} disabled={register.isFetchingNextPage} style={{ marginTop: 12 }}>
            {t.register.loadMore}
          </Button>
        )}
      </section>
    </div>
  );
}
