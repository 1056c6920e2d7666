import { useState } from 'react';
import { Link } from 'react-router';
import { useHelpLines } from '@/lib/api/reference';
import { countryName, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { DESTINATION_COUNTRIES } from '@/utils/destinations';
import { Loading } from '@/components/Loading';
import { Alert, Empty } from '@/components/public-ui';
import { useCountryNotes } from './api/get-country-notes';

/** Advice that is the app's own text; help lines and country notes are the API's reference data. */
export function BeforeYouGoPage() {
  const t = useT();
  const language = useLanguage();
  const helpLines = useHelpLines();
  const [country, setCountry] = useState<string>();
  const notes = useCountryNotes(country);

  return (
    <div className="stack">
      <PageHeading title={t.beforeYouGo.title} intro={t.beforeYouGo.intro} />

      <section className="panel" aria-labelledby="check-placement">
        <h2 id="check-placement">{t.beforeYouGo.checkPlacementTitle}</h2>
        <p>{t.beforeYouGo.checkPlacementText}</p>
        <Link to="/placements/check" data-testid="check-placement-link">
          {t.beforeYouGo.checkPlacementLink}
        </Link>
      </section>

      <section className="panel" aria-labelledby="help-lines">
        <h2 id="help-lines">{t.beforeYouGo.helpLinesTitle}</h2>
        {helpLines.isPending && <Loading />}
        {helpLines.error && <Alert type="warning" role="note" title={t.beforeYouGo.helpLinesEmpty} />}
        <ul className="result-list" data-testid="help-lines">
          {(helpLines.data ?? []).map((line) => (
            <li key={line.id}>
              <a className="help-line-number" href={`tel:${line.number}`}>
                {line.number}
              </a>{' '}
              <strong>{line.name}</strong>
              <span className="agency-meta">{line.description}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="fees">
        <h2 id="fees">{t.beforeYouGo.feesTitle}</h2>
        <p>{t.beforeYouGo.fees}</p>
      </section>

      <section className="panel" aria-labelledby="check-agency">
        <h2 id="check-agency">{t.beforeYouGo.checkAgencyTitle}</h2>
        <ol className="steps">
          {t.beforeYouGo.checkAgency.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <p style={{ marginTop: 12 }}>
          <Link to="/verify" className="button-link">
            {t.nav.verify}
          </Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="check-contract">
        <h2 id="check-contract">{t.beforeYouGo.checkContractTitle}</h2>
        <ol className="steps">
          {t.beforeYouGo.checkContract.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>

      <section className="panel warning-panel" aria-labelledby="warning-signs">
        <h2 id="warning-signs">{t.beforeYouGo.warningTitle}</h2>
        <ul className="steps">
          {t.beforeYouGo.warnings.map((sign) => (
            <li key={sign}>{sign}</li>
          ))}
        </ul>
        <p style={{ marginTop: 12 }}>
          <Link to="/complaints/new" className="button-link">
            {t.nav.complain}
          </Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="country-notes">
        <h2 id="country-notes">{t.beforeYouGo.countryTitle}</h2>
        <label htmlFor="country-select" className="field-label">
          {t.beforeYouGo.countryLabel}
        </label>
        <NativeSelect
          id="country-select"
          value={country}
          onChange={setCountry}
          placeholder={t.beforeYouGo.countryLabel}
          options={DESTINATION_COUNTRIES.map((code) => ({ value: code, label: countryName(code, language) }))}
        />
        {notes.isPending && <Loading />}
        {notes.data && notes.data.length === 0 && <Empty description={t.beforeYouGo.countryNone} />}
        {(notes.data ?? []).map((note) => (
          <article key={note.id} className="country-note">
            <h3>{note.title}</h3>
            <p>{note.body}</p>
            {note.sourceUrl && (
              <a href={note.sourceUrl} target="_blank" rel="noreferrer noopener" className="agency-meta">
                {t.beforeYouGo.source}
              </a>
            )}
          </article>
        ))}
      </section>
    </div>
  );
}
