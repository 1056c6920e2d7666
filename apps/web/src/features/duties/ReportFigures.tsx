import { countryName, useLanguage, useT } from '@/lib/i18n/use-i18n';
import type { AnnualReport } from './use-duties';
import { yuan } from './use-duties';

/** A report's figures, read-only (the bureau's review, and the agency's after submitting). */
export function ReportFigures({ report }: { report: AnnualReport }) {
  const t = useT().duties;
  const language = useLanguage();
  const count = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString(language));
  return (
    <dl className="facts" data-testid="report-figures">
      <dt>{t.fields.workersPlacedDomestic}</dt>
      <dd>{count(report.workersPlacedDomestic)}</dd>
      <dt>{t.fields.workersPlacedAbroad}</dt>
      <dd>{count(report.workersPlacedAbroad)}</dd>
      <dt>{t.fields.placementsAbroad}</dt>
      <dd>{report.placementsAbroad.length === 0 ? '—' : report.placementsAbroad.map((p) => `${countryName(p.country, language)} (${p.country}) ${p.workers}`).join('; ')}</dd>
      <dt>{t.fields.employersServed}</dt>
      <dd>{count(report.employersServed)}</dd>
      <dt>{t.fields.feesFromEmployers}</dt>
      <dd>{yuan(report.feesFromEmployersFen)}</dd>
      <dt>{t.fields.feesChargedToWorkers}</dt>
      <dd>{yuan(report.feesChargedToWorkersFen)}</dd>
      <dt>{t.fields.feesChargedToWorkersAbroad}</dt>
      <dd>
        {yuan(report.feesChargedToWorkersAbroadFen)}
        {report.feeFlag && (
          <strong className="duties-flag" data-testid="fee-flag">
            {' '}
            {t.feeFlag}
          </strong>
        )}
      </dd>
      <dt>{t.fields.complaintsReceived}</dt>
      <dd>{count(report.complaintsReceived)}</dd>
      <dt>{t.fields.staffCount}</dt>
      <dd>{count(report.staffCount)}</dd>
      <dt>{t.fields.reserveFundBalance}</dt>
      <dd>{yuan(report.reserveFundBalanceFen)}</dd>
    </dl>
  );
}
