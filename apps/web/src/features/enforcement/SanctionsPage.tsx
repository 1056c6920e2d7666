import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useProvinces } from '@/lib/api/reference';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { Button, Empty, Field, ProblemMessage } from '@/components/public-ui';
import { usePublicSanctions, useSanctionText } from './use-cases';

/** The public list of sanctions (phone first); the filter lives in the address so a search can be shared. */
export function SanctionsPage() {
  const t = useT();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const provinces = useProvinces();
  const sanctionText = useSanctionText();
  const filter = {
    q: params.get('q') || undefined,
    province: params.get('province') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  };
  const sanctions = usePublicSanctions(filter);
  const items = sanctions.data?.pages.flatMap((page) => page.items) ?? [];
  const [values, setValues] = useState<Record<string, string | undefined>>(filter);
  const set = (key: string) => (value: string | undefined) => setValues({ ...values, [key]: value });
  const update = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) if (value?.trim()) next.set(key, value.trim());
    setParams(next, { replace: true });
  };

  return (
    <div className="stack">
      <PageHeading title={t.sanctions.sanctionsTitle} intro={t.sanctions.sanctionsIntro} />
      <form className="panel" role="search" onSubmit={update}>
        <Field id="q" label={t.sanctions.search}>
          <input id="q" type="search" className="pu-input" value={values.q ?? ''} onChange={(e) => set('q')(e.target.value)} autoComplete="off" />
        </Field>
        <div className="card-grid">
          <Field id="province" label={t.sanctions.province}>
            <NativeSelect
              id="province"
              value={values.province}
              onChange={set('province')}
              placeholder={t.sanctions.allProvinces}
              options={(provinces.data ?? []).map((p) => ({ value: p.code.slice(0, 2), label: language === 'en' ? p.nameEn : p.nameZh }))}
            />
          </Field>
          <Field id="from" label={t.sanctions.from}>
            <input id="from" type="date" className="pu-input" value={values.from ?? ''} onChange={(e) => set('from')(e.target.value)} />
          </Field>
          <Field id="to" label={t.sanctions.to}>
            <input id="to" type="date" className="pu-input" value={values.to ?? ''} onChange={(e) => set('to')(e.target.value)} />
          </Field>
        </div>
        <Button variant="primary" type="submit" block>
          {t.common.search}
        </Button>
      </form>
      <section aria-busy={sanctions.isFetching} aria-label={t.sanctions.sanctionsTitle}>
        {sanctions.isPending && <Loading />}
        {sanctions.error && <ProblemMessage error={sanctions.error} onRetry={() => void sanctions.refetch()} />}
        {sanctions.isSuccess && items.length === 0 && <Empty description={t.sanctions.noSanctions} />}
        <ul className="result-list" data-testid="sanctions-list">
          {items.map((s) => (
            <li key={s.caseNumber} className="panel">
              <h2 className="agency-name">{language === 'en' && s.agencyNameEn ? s.agencyNameEn : s.agencyNameZh}</h2>
              <p className="agency-meta">{s.agencyUscc}</p>
              <p>
                <strong>{sanctionText(s.sanction, s.fineAmount, s.suspensionDays)}</strong> · {t.sanctions.effectiveOn(formatDate(s.effectiveOn, language))} · {language === 'en' ? s.caseNumberEn : s.caseNumber}
              </p>
              {s.licenceNumbers.length > 0 && (
                <p>
                  {t.sanctions.licences}:{' '}
                  {s.licenceNumbers.map((n) => (
                    <Link key={n} to={`/verify/${n}`} style={{ marginRight: 8 }}>
                      {n}
                    </Link>
                  ))}
                </p>
              )}
              <p data-testid="sanction-summary">{language === 'en' ? s.summaryEn : s.summaryZh}</p>
            </li>
          ))}
        </ul>
        {sanctions.hasNextPage && (
          <Button block onClick={() => void sanctions.fetchNextPage()} loading={sanctions.isFetchingNextPage} disabled={sanctions.isFetchingNextPage}>
            {t.sanctions.loadMore}
          </Button>
        )}
      </section>
    </div>
  );
}
