import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '@/lib/api/problem';
import { formatDate, useLanguage } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { Alert, Button, ProblemMessage } from '@/components/public-ui';
import { usePlacementCheck } from './api/check-placement';
import type { PublicPlacement } from './api/types';
import { usePlacementCheckTexts } from './check-texts';
import './placements.css';

/** The worker's own check, on her phone: two short fields, then the answer with the numbers to call first. */
export function PlacementCheckPage() {
  const t = usePlacementCheckTexts();
  const params = useParams();
  const [code, setCode] = useState(params.code ?? '');
  const [idLast4, setIdLast4] = useState('');
  const [asked, setAsked] = useState<{ code: string; idLast4: string }>();
  const check = usePlacementCheck(asked);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setAsked({ code: code.trim().toUpperCase(), idLast4: idLast4.trim().toUpperCase() });
  };
  const notFound = check.error instanceof ApiProblem && (check.error.status === 404 || check.error.status === 400);
  return (
    <div className="stack placement-check">
      <PageHeading title={t.title} intro={t.intro} />
      <form className="panel stack" onSubmit={submit} data-testid="placement-check-form">
        <label className="field">
          <span>{t.code}</span>
          <input className="pu-input pu-input-large" value={code} onChange={(e) => setCode(e.target.value)} maxLength={10} autoCapitalize="characters" autoComplete="off" aria-describedby="code-hint" name="checkCode" />
          <small id="code-hint">{t.codeHint}</small>
        </label>
        <label className="field">
          <span>{t.idLast4}</span>
          <input className="pu-input pu-input-large" value={idLast4} onChange={(e) => setIdLast4(e.target.value)} maxLength={4} inputMode="text" autoComplete="off" name="idLast4" />
        </label>
        <Button variant="primary" size="large" type="submit" block disabled={code.trim().length !== 10 || idLast4.trim().length !== 4}>
          {t.submit}
        </Button>
      </form>
      {check.isFetching && <Loading />}
      {notFound && <Alert type="warning" role="alert" title={t.notFound} data-testid="placement-not-found" />}
      {check.error && !notFound ? <ProblemMessage error={check.error} /> : null}
      {check.data && <CheckAnswer placement={check.data} />}
    </div>
  );
}

function CheckAnswer({ placement: p }: { placement: PublicPlacement }) {
  const t = usePlacementCheckTexts();
  const language = useLanguage();
  const zh = language !== 'en';
  return (
    <>
      <section className="panel" aria-labelledby="help" data-testid="placement-help-lines">
        <h2 id="help">{t.helpLinesTitle}</h2>
        <ul className="help-line-list">
          {p.helpLines.map((line) => (
            <li key={line.number}>
              <a className="help-line-number" href={`tel:${line.number.replace(/[\s-]/g, '')}`}>
                {line.number}
              </a>{' '}
              {zh ? line.nameZh : line.nameEn}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="filed" data-testid="placement-answer">
        <h2 id="filed">{p.status === 'returned' ? t.returned : t.filedTitle}</h2>
        <dl className="facts">
          <dt>{t.agency}</dt>
          <dd>
            {zh ? p.agencyNameZh : (p.agencyNameEn ?? p.agencyNameZh)}
            <br />
            {p.licenceValidToday ? <span className="ok-text">{t.licenceValid}</span> : <strong className="warn-text">{t.licenceInvalid}</strong>}
          </dd>
          <dt>{t.destination}</dt>
          <dd>{zh ? p.destinationNameZh : p.destinationNameEn}</dd>
          <dt>{t.employer}</dt>
          <dd>{p.employerName}</dd>
          <dt>{t.job}</dt>
          <dd>{p.jobTitle}</dd>
          <dt>{t.wage}</dt>
          <dd>{p.monthlyWage === null ? '—' : `${p.monthlyWage.toLocaleString(language)} ${p.currency ?? ''}`}</dd>
          <dt>{t.hours}</dt>
          <dd>{t.hoursValue(p.hoursPerWeek)}</dd>
          <dt>{t.rest}</dt>
          <dd>{t.restValue(p.restDaysPerWeek)}</dd>
          <dt>{t.duration}</dt>
          <dd>{t.durationValue(p.durationMonths)}</dd>
          <dt>{t.departure}</dt>
          <dd>{formatDate(p.departureDate, language)}</dd>
          <dt>{t.training}</dt>
          <dd>{p.trainingRecorded ? t.trainingValue(p.trainingHours) : t.trainingMissing}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="rights">
        <h2 id="rights">{t.rightsTitle}</h2>
        <ul>
          {t.rights.map((right) => (
            <li key={right}>{right}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
