import { Alert, Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { components } from '@/lib/api/schema';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { KeysetTable } from '@/components/KeysetTable';
import type { Column } from '@/components/ListTable';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { type ItemOf } from '@/hooks/use-keyset-list';
import { useAuditEvents } from './api/get-audit-events';
import { useVerifyAuditChain } from './api/verify-audit-chain';
import '@/components/styles/dashboard.css';

type AuditEvent = components['schemas']['AuditEventView'];
const TEXT_FILTERS = ['entityType', 'entityId', 'actor'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day in China as the instant it starts (the API filters on instants). */
const startOf = (day: string) => `${day}T00:00:00+08:00`;
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The audit trail with its filters (in the URL), keyset paging, each event's before and after, and the chain check. */
export function AuditPage() {
  const t = useT();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<string>();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const query = {
    ...Object.fromEntries(TEXT_FILTERS.map((name) => [name, params.get(name) || undefined]).filter(([, v]) => v)),
    ...(DAY.test(from) ? { from: startOf(from) } : {}),
    ...(DAY.test(to) ? { to: startOf(dayAfter(to)) } : {}),
    limit: 50,
  };
  const events = useAuditEvents(query);
  const columns: Column<ItemOf<typeof events>>[] = [
    { header: t.audit.seq, cell: (event) => event.seq },
    { header: t.audit.occurredAt, cell: (event) => formatDate(event.occurredAt, language, true) },
    {
      header: t.audit.actor,
      cell: (event) => (
        <>
          {event.actorUsername} <span className="agency-meta-inline">({t.roles[event.actorRole as keyof typeof t.roles] ?? event.actorRole})</span>
        </>
      ),
    },
    { header: t.audit.action, cell: (event) => <code>{event.action}</code> },
    { header: t.audit.entity, cell: (event) => `${event.entityType}${event.entityId ? ` · ${event.entityId.slice(0, 8)}` : ''}` },
    {
      header: <span className="visually-hidden">{t.audit.show}</span>,
      cell: (event) => (
        <Button size="small" aria-expanded={open === event.seq} onClick={() => setOpen(open === event.seq ? undefined : event.seq)}>
          {open === event.seq ? t.audit.hide : t.audit.show}
        </Button>
      ),
    },
  ];
  const verify = useVerifyAuditChain();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of [...TEXT_FILTERS, 'from', 'to']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  };

  return (
    <div className="stack wide-page">
      <PageHeading title={t.audit.title} intro={t.audit.intro} />
      <section className="panel" aria-labelledby="audit-verify">
        <h2 id="audit-verify">{t.audit.verifyTitle}</h2>
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>
          {verify.isPending ? t.audit.verifying : t.audit.verify}
        </Button>
        {verify.error && <ProblemAlert error={verify.error} />}
        {verify.data && (
          <div style={{ marginTop: 12 }} data-testid="verify-result">
            <Alert
              type={verify.data.valid ? 'success' : 'error'}
              showIcon
              title={verify.data.valid ? t.audit.valid(verify.data.checkedEvents) : t.audit.broken(verify.data.firstBrokenSeq ?? '?', verify.data.reason ?? '')}
            />
          </div>
        )}
      </section>

      <form key={params.toString()} className="panel filter-bar" onSubmit={submit} aria-label={t.audit.title}>
        {TEXT_FILTERS.map((name) => (
          <label key={name}>
            <span>{t.audit[name]}</span>
            <input name={name} defaultValue={params.get(name) ?? ''} maxLength={64} />
          </label>
        ))}
        <label>
          <span>{t.audit.from}</span>
          <input type="date" name="from" defaultValue={from} />
        </label>
        <label>
          <span>{t.audit.to}</span>
          <input type="date" name="to" defaultValue={to} />
        </label>
        <div className="filter-actions">
          <Button type="primary" htmlType="submit">
            {t.audit.apply}
          </Button>
          <Button onClick={() => setParams(new URLSearchParams())}>{t.audit.clear}</Button>
        </div>
      </form>

      <KeysetTable list={events} empty={t.audit.none} label={t.audit.title} testId="audit-table" className="audit-table" rowKey={(event) => event.seq} detail={(event) => (open === event.seq ? <BeforeAfter event={event} /> : undefined)} columns={columns} />
    </div>
  );
}

/** Before and after side by side, the fields that changed named first. */
function BeforeAfter({ event }: { event: AuditEvent }) {
  const t = useT();
  if (event.payloadWithheld) return <p>{t.audit.withheld}</p>;
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  const show = (value: Record<string, unknown> | null | undefined) => (value ? JSON.stringify(value, null, 2) : t.audit.nothing);
  return (
    <div data-testid="audit-diff">
      {changed.length > 0 && (
        <p>
          {t.audit.changed}: {changed.map((key) => <code key={key} className="changed-key">{key}</code>)}
        </p>
      )}
      <div className="before-after">
        <div>
          <h3>{t.audit.before}</h3>
          <pre tabIndex={0}>{show(event.before)}</pre>
        </div>
        <div>
          <h3>{t.audit.after}</h3>
          <pre tabIndex={0}>{show(event.after)}</pre>
        </div>
      </div>
    </div>
  );
}
