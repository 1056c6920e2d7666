import { useParams } from 'react-router';
import { isProblem } from '@/lib/api/problem';
import { useRole } from '@/lib/auth/use-session';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ChecklistEditor } from './ChecklistEditor';
import { agencyName } from '@/utils/agency-name';
import { SubmittedInspection } from './SubmittedInspection';
import { useInspection } from './api/get-inspection';
import '@/components/styles/inspector.css';

/** One inspection: the checklist to fill while it is open, read-only with addenda once submitted. */
export function InspectionPage() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const role = useRole();
  const inspection = useInspection(id);
  if (inspection.isPending) return <Loading />;
  if (inspection.error) {
    return (
      <div className="stack wide-page inspector-page">
        <PageHeading title={t.inspector.list.title} />
        {isProblem(inspection.error, 404) ? <p role="alert">{t.inspector.inspection.notFound}</p> : <ProblemAlert error={inspection.error} onRetry={() => void inspection.refetch()} />}
      </div>
    );
  }
  const detail = inspection.data;
  const editable = (role === 'inspector' || role === 'bureau_admin') && (detail.status === 'planned' || detail.status === 'in_progress');
  return (
    <div className="stack wide-page inspector-page">
      <PageHeading title={t.inspector.inspection.title(agencyName(detail, language))} />
      {editable ? <ChecklistEditor key={detail.id} initial={detail} /> : <SubmittedInspection detail={detail} mayAddAddendum={role === 'inspector' || role === 'bureau_admin'} />}
    </div>
  );
}
