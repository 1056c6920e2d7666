import { Button, Empty } from 'antd';
import { Link } from 'react-router';
import { useSession } from '@/lib/auth/use-session';
import { countryName, formatDate, useLanguage } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { usePlacementReference } from './api/get-placement-reference';
import { usePlacements } from './api/get-placements';
import { usePlacementTexts } from './texts';
import './placements.css';

/** The agency's own placements (with the way to file one), or those in an official's jurisdiction. */
export function PlacementsPage() {
  const t = usePlacementTexts().list;
  const language = useLanguage();
  const session = useSession();
  const agency = session.status === 'signedIn' && session.me.role === 'agency_user';
  const list = usePlacements({});
  const reference = usePlacementReference();
  const names = new Map((reference.data?.destinations ?? []).map((d) => [d.countryCode, language === 'en' ? d.nameEn : d.nameZh]));
  const country = (code: string) => names.get(code) ?? countryName(code, language);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack wide-page">
      <PageHeading title={t.title} intro={agency ? t.intro : t.officialIntro} />
      {agency && (
        <div>
          <Link to="/placements/new" className="ant-btn ant-btn-primary" data-testid="file-placement">
            {t.file}
          </Link>
        </div>
      )}
      {list.isPending && <Loading />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.empty} />}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.title}>
          <table className="figures" data-testid="placements-table">
            <thead>
              <tr>
                <th scope="col">{t.worker}</th>
                <th scope="col">{t.idNumber}</th>
                <th scope="col">{t.destination}</th>
                <th scope="col">{t.employer}</th>
                <th scope="col">{t.departure}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.checkCode}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>{p.worker.name}</td>
                  <td>{p.worker.idNumberMasked}</td>
                  <td>{country(p.destinationCountry)}</td>
                  <td>{p.employer.name}</td>
                  <td>{formatDate(p.departureDate, language)}</td>
                  <td>
                    {t.statuses[p.status]}
                    {p.returnReason ? (language === 'en' ? ` (${t.reasons[p.returnReason]})` : `（${t.reasons[p.returnReason]}）`) : ''}
                  </td>
                  <td>
                    <code>{p.checkCode}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t.more}
        </Button>
      )}
    </div>
  );
}
