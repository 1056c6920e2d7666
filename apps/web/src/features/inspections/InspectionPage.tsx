import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, data } from '@/api/client';
import { isProblem } from '@/api/problem';
import { useSession } from '@/app/auth/use-session';
import { useLanguage, useT } from '@/app/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ChecklistEditor } from './ChecklistEditor';
import { agencyName } from './names';
import { SubmittedInspection } from './SubmittedInspection';
import { inspectionKey } from './use-findings-sync';
import './inspector.css';

/** One inspection: the checklist to fill while it is open, read-only with addenda once submitted. */
export function InspectionPage() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const role = session.status === 'signedIn' ? session.me.role : undefined;
  const inspection = useQuery({
    queryKey: inspectionKey(id),
    queryFn: async ({ signal }) => data(await api.GET('/api/inspections/{id}', { params: { path: { id } }, signal })),
    // The editor holds the findings as last saved; a background refetch would only race it.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    staleTime: Infinity,
    retry: (count, error) => !isProblem(error, 404) && count < 2,
  });
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
