import { Button, Empty } from 'antd';
import { useState } from 'react';
import { useDivisionName } from '@/lib/api/reference';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { agencyName } from '@/utils/agency-name';
import { PlanInspectionModal } from './PlanInspectionModal';
import { usePriorities } from './api/get-priorities';
import '@/components/styles/dashboard.css';
import '@/components/styles/inspector.css';

/** Agencies in scope ranked by live risk, each factor in words, with "plan an inspection" per row. */
export function PrioritiesPage() {
  const t = useT();
  const language = useLanguage();
  const placeName = useDivisionName(language);
  const [planning, setPlanning] = useState<{ id: string; name: string }>();
  const priorities = usePriorities();
  return (
    <div className="stack wide-page inspector-page">
      <PageHeading title={t.inspector.priorities.title} intro={t.inspector.priorities.intro} />
      {priorities.isPending && <Loading />}
      {priorities.error && <ProblemAlert error={priorities.error} onRetry={() => void priorities.refetch()} />}
      {priorities.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.inspector.priorities.empty} />}
      {priorities.data && priorities.data.length > 0 && (
        <ol className="priority-list" data-testid="priorities">
          {priorities.data.map((row) => {
            const name = agencyName(row, language);
            const place = placeName(row.jurisdictionCode);
            return (
              <li key={row.agencyId} className="priority-row" data-agency-id={row.agencyId}>
                <div className="priority-score" aria-label={`${t.inspector.priorities.risk} ${row.score}`}>
                  <span className="priority-rank">#{row.rank}</span>
                  <strong>{row.score}</strong>
                </div>
                <div className="priority-body">
                  <h2 className="priority-name">{name}</h2>
                  {/* The place by name, as an inspector knows it; the code stays for matching against records. */}
                  <p className="muted priority-place">
                    {place}
                    {place !== row.jurisdictionCode && <span className="division-code">{row.jurisdictionCode}</span>}
                  </p>
                  {row.factors.length === 0 ? (
                    <p className="muted">{t.inspector.priorities.noFactors}</p>
                  ) : (
                    <ul className="factor-list" aria-label={t.inspector.priorities.factors}>
                      {row.factors.map((factor) => (
                        <li key={factor.factor}>
                          <strong>{t.inspector.riskFactor[factor.factor] ?? factor.factor}</strong> ({t.inspector.priorities.points(factor.points)}): {language === 'en' ? factor.detailEn : factor.detailZh}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                <div className="priority-action">
                  <Button type="primary" aria-label={`${t.inspector.priorities.plan}: ${name}`} onClick={() => setPlanning({ id: row.agencyId, name })}>
                    {t.inspector.priorities.plan}
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <PlanInspectionModal agency={planning} onClose={() => setPlanning(undefined)} />
    </div>
  );
}
