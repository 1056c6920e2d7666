import { Link } from 'react-router';
import { useHelpLines } from '@/lib/api/reference';
import { useT } from '@/lib/i18n/use-i18n';

/** A number the register does not know: recruiting without a licence is illegal; here is where to report it. */
export function UnknownNumber({ number }: { number: string }) {
  const t = useT();
  const helpLines = useHelpLines();
  return (
    <>
      <section className="verdict verdict-unknown" aria-live="polite" data-testid="verdict">
        <h2>{t.verify.unknownTitle}</h2>
        <p>{t.verify.unknownText(number)}</p>
      </section>
      <section className="panel" aria-labelledby="unknown-next">
        <h2 id="unknown-next">{t.verify.nextSteps}</h2>
        <p>
          <strong>{t.verify.unknownIllegal}</strong>
        </p>
        <p>{t.verify.unknownCheck}</p>
        <p>
          <Link to={`/complaints/new?agency=${encodeURIComponent(number)}`} className="button-link">
            {t.verify.reportIt}
          </Link>
        </p>
        {helpLines.data && helpLines.data.length > 0 && (
          <>
            <h3>{t.verify.callHelp}</h3>
            <ul className="steps">
              {helpLines.data.map((line) => (
                <li key={line.id}>
                  <a href={`tel:${line.number}`}>{line.number}</a> · {line.name}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
