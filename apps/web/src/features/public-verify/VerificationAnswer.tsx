import { Link } from 'react-router';
import type { components } from '@/lib/api/schema';
import { countryName, formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { LicenceStatusTag } from '@/components/LicenceStatusTag';
import { CreditGradeTag } from '@/components/CreditGradeTag';

type Verification = components['schemas']['LicenceVerification'];


/** At a glance first (valid or not, and why), then the facts a worker compares with the papers. */
export function VerificationAnswer({ answer }: { answer: Verification }) {
  const t = useT();
  const language = useLanguage();
  const name = language === 'en' && answer.agency.nameEn ? answer.agency.nameEn : answer.agency.nameZh;
  const otherName = language === 'en' ? answer.agency.nameZh : answer.agency.nameEn;

  return (
    <>
      <section className={`verdict ${answer.valid ? 'verdict-valid' : 'verdict-invalid'}`} aria-live="polite" data-testid="verdict">
        <h2>{answer.valid ? t.verify.valid : t.verify.notValid}</h2>
        <p>
          <strong>{name}</strong>
        </p>
        {!answer.valid && (
          <p>
            {t.verify.why}: {answer.explanation}
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="licence-facts">
        <h2 id="licence-facts">{name}</h2>
        <dl className="facts">
          {otherName && otherName !== name && (
            <>
              <dt>{t.verify.agency}</dt>
              <dd>{otherName}</dd>
            </>
          )}
          <dt>{t.verify.uscc}</dt>
          <dd>{answer.agency.uscc}</dd>
          {answer.agency.creditGrade && (
            <>
              <dt>{t.sanctions.creditGrade}</dt>
              <dd>
                <CreditGradeTag grade={answer.agency.creditGrade} /> <Link to={`/sanctions?q=${answer.agency.uscc}`}>{t.sanctions.seeSanctions}</Link>
              </dd>
            </>
          )}
          <dt>{t.verify.licenceNumber}</dt>
          <dd>{answer.licenceNumber}</dd>
          <dt>{t.verify.status}</dt>
          <dd>
            <LicenceStatusTag status={answer.status} />
            {answer.valid && <span>{answer.explanation}</span>}
          </dd>
          {answer.suspendedUntil && (
            <>
              <dt>{t.verify.suspendedUntil}</dt>
              <dd>{formatDate(answer.suspendedUntil, language)}</dd>
            </>
          )}
          <dt>{t.verify.licenceType}</dt>
          <dd>{t.licenceType[answer.licenceType]}</dd>
          <dt>{t.verify.scope}</dt>
          <dd>{answer.scope.activities.map((activity) => t.activity[activity] ?? activity).join(language === 'en' ? ', ' : '、')}</dd>
          <dt>{t.verify.destinations}</dt>
          <dd>
            {answer.scope.destinationCountries.length === 0
              ? t.verify.noDestinations
              : answer.scope.destinationCountries.map((code) => countryName(code, language)).join(language === 'en' ? ', ' : '、')}
          </dd>
          <dt>{t.verify.validity}</dt>
          <dd>{t.verify.validityRange(formatDate(answer.validFrom, language), formatDate(answer.expiresOn, language))}</dd>
          <dt>{t.verify.issuingBureau}</dt>
          <dd>{answer.issuingBureau}</dd>
        </dl>
        <p className="page-intro" style={{ marginTop: 12 }}>
          {t.verify.checkedOn(formatDate(answer.checkedOn, language))}
        </p>
        {answer.otherLicences && answer.otherLicences.length > 0 && (
          <>
            <h3>{t.verify.otherLicences}</h3>
            <ul className="steps">
              {answer.otherLicences.map((licence) => (
                <li key={licence.licenceNumber}>
                  <Link to={`/verify/${licence.licenceNumber}`}>{licence.licenceNumber}</Link> · {t.licenceType[licence.licenceType]} ·{' '}
                  {t.licenceStatus[licence.status]}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="next-steps">
        <h2 id="next-steps">{t.verify.nextSteps}</h2>
        <ol className="steps">
          {(answer.valid ? t.verify.nextValid : t.verify.nextInvalid).map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {!answer.valid && (
          <p style={{ marginTop: 12 }}>
            <Link to={`/complaints/new?licence=${encodeURIComponent(answer.licenceNumber)}`} className="button-link">
              {t.verify.reportIt}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
