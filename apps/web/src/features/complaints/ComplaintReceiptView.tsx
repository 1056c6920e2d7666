import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Alert, Button } from '@/components/public-ui';
import type { ComplaintReceipt } from './ComplaintForm';
import { download, receiptImage } from './receipt-image';

/** Shown once: the code and the PIN to keep (copy, save as image, print), and the deadlines. */
export function ComplaintReceiptView({ receipt, onAnother }: { receipt: ComplaintReceipt; onAnother: () => void }) {
  const t = useT();
  const language = useLanguage();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(`${t.receipt.trackingCode} ${receipt.trackingCode}\n${t.receipt.pin} ${receipt.pin}`);
    setCopied(true);
  };
  const saveImage = async () => {
    const blob = await receiptImage(t.receipt.imageTitle, [
      { label: t.receipt.trackingCode, value: receipt.trackingCode },
      { label: t.receipt.pin, value: receipt.pin },
      { label: t.receipt.resolveDue, value: formatDate(receipt.resolveDueAt, language, true) },
    ]);
    if (blob) download(blob, `${receipt.trackingCode}.png`);
  };
  return (
    <section className="stack" aria-labelledby="receipt-title" data-testid="receipt">
      <h1 id="receipt-title" className="page-title" tabIndex={-1}>
        {t.receipt.title}
      </h1>
      {receipt.urgent && <Alert type="error" role="alert" title={t.receipt.urgent} data-testid="urgent" />}
      <Alert type="info" role="note" title={t.receipt.keep} />
      <div className="panel">
        <dl className="facts">
          <dt>{t.receipt.trackingCode}</dt>
          <dd className="secret-box" data-testid="tracking-code">
            {receipt.trackingCode}
          </dd>
          <dt>{t.receipt.pin}</dt>
          <dd className="secret-box" data-testid="pin">
            {receipt.pin}
          </dd>
          <dt>{t.receipt.receivedAt}</dt>
          <dd>{formatDate(receipt.receivedAt, language, true)}</dd>
          <dt>{t.receipt.ackDue}</dt>
          <dd data-testid="ack-due">{formatDate(receipt.ackDueAt, language, true)}</dd>
          <dt>{t.receipt.resolveDue}</dt>
          <dd>{formatDate(receipt.resolveDueAt, language, true)}</dd>
        </dl>
      </div>
      <div className="button-row no-print">
        <Button variant="primary" size="large" onClick={() => void copy()} data-testid="copy">
          {copied ? t.receipt.copied : t.receipt.copy}
        </Button>
        <Button size="large" onClick={() => void saveImage()} data-testid="save-image">
          {t.receipt.saveImage}
        </Button>
        <Button size="large" onClick={() => window.print()}>
          {t.common.print}
        </Button>
        <Link to="/complaints/track" state={{ code: receipt.trackingCode, secret: receipt.pin }} className="button-link button-link-secondary">
          {t.receipt.trackNow}
        </Link>
        <Button size="large" onClick={onAnother}>
          {t.receipt.another}
        </Button>
      </div>
    </section>
  );
}
