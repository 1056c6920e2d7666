import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import type { ComplaintReceipt } from './ComplaintForm';

/** Shown once: the code and the secret to keep, the deadlines, and a printable page. */
export function ComplaintReceiptView({ receipt, onAnother }: { receipt: ComplaintReceipt; onAnother: () => void }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section className="stack" aria-labelledby="receipt-title" data-testid="receipt">
      <h1 id="receipt-title" className="page-title" tabIndex={-1}>
        {t.receipt.title}
      </h1>
      {receipt.urgent && <Alert type="error" showIcon role="alert" title={t.receipt.urgent} data-testid="urgent" />}
      <Alert type="info" showIcon role="note" title={t.receipt.keep} />
      <div className="panel">
        <dl className="facts">
          <dt>{t.receipt.trackingCode}</dt>
          <dd className="secret-box" data-testid="tracking-code">
            {receipt.trackingCode}
          </dd>
          <dt>{t.receipt.secret}</dt>
          <dd className="secret-box" data-testid="secret">
            {receipt.secret}
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
        <Button type="primary" size="large" onClick={() => window.print()}>
          {t.common.print}
        </Button>
        <Link to="/complaints/track" state={{ code: receipt.trackingCode, secret: receipt.secret }} className="button-link button-link-secondary">
          {t.receipt.trackNow}
        </Link>
        <Button size="large" onClick={onAnother}>
          {t.receipt.another}
        </Button>
      </div>
    </section>
  );
}
