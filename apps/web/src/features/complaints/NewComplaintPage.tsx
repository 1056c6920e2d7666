import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '@/lib/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';
import { ComplaintForm, type ComplaintReceipt } from './ComplaintForm';
import { ComplaintReceiptView } from './ComplaintReceiptView';

export function NewComplaintPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [receipt, setReceipt] = useState<ComplaintReceipt>();
  const receiptHeading = useRef<HTMLDivElement>(null);
  const initialAgency = params.get('licence') ?? params.get('agency') ?? undefined;

  useEffect(() => {
    if (receipt) {
      window.scrollTo({ top: 0 });
      receiptHeading.current?.querySelector('h1')?.focus();
    }
  }, [receipt]);

  if (receipt) {
    return (
      <div ref={receiptHeading}>
        <ComplaintReceiptView receipt={receipt} onAnother={() => setReceipt(undefined)} />
      </div>
    );
  }
  return (
    <>
      <PageHeading title={t.complaint.title} intro={t.complaint.intro} />
      <ComplaintForm initialAgency={initialAgency} onReceipt={setReceipt} />
    </>
  );
}
