import { lazy, Suspense, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '@/lib/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';
import { ComplaintForm, type ComplaintReceipt } from './ComplaintForm';
import { Loading } from '@/components/Loading';

// The receipt is needed only once a complaint is in: fetched once she starts filling the form (the first
// focus inside it), so it is not part of the page's first load on a slow connection.
const loadReceiptView = () => import('./ComplaintReceiptView');
const ComplaintReceiptView = lazy(() => loadReceiptView().then((m) => ({ default: m.ComplaintReceiptView })));

export function NewComplaintPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [receipt, setReceipt] = useState<ComplaintReceipt>();
  const initialAgency = params.get('licence') ?? params.get('agency') ?? undefined;

  useEffect(() => {
    if (receipt) window.scrollTo({ top: 0 });
  }, [receipt]);

  if (receipt) {
    return (
      <Suspense fallback={<Loading />}>
        {/* Focus moves to the receipt's heading once it is drawn, so a screen reader announces it. */}
        <div ref={(element) => element?.querySelector('h1')?.focus()}>
          <ComplaintReceiptView receipt={receipt} onAnother={() => setReceipt(undefined)} />
        </div>
      </Suspense>
    );
  }
  return (
    <>
      <PageHeading title={t.complaint.title} intro={t.complaint.intro} />
      <div onFocus={() => void loadReceiptView()}>
        <ComplaintForm initialAgency={initialAgency} onReceipt={setReceipt} />
      </div>
    </>
  );
}
