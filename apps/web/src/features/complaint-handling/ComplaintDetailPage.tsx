import { Button, Form, Input } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiProblem, isProblem } from '@/lib/api/problem';
import { useComplaintCategories } from '@/lib/api/reference';
import type { components } from '@/lib/api/schema';
import { useRole } from '@/lib/auth/use-session';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { agencyName } from '@/utils/agency-name';
import { SlaTag } from '@/components/SlaTag';
import { useAnswerComplaint } from './api/answer-complaint';
import { useAssignComplaint } from './api/assign-complaint';
import { useExtendComplaint } from './api/extend-complaint';
import { useAgencyInspections } from './api/get-agency-inspections';
import { useAssignees } from './api/get-assignees';
import { useComplaint, useRefreshComplaint } from './api/get-complaint';
import { useLinkInspection } from './api/link-inspection';
import { useTransitionComplaint } from './api/transition-complaint';
import '@/components/styles/inspector.css';

type Complaint = components['schemas']['ComplaintDetailView'];
type Status = components['schemas']['ComplaintStatus'];
type Outcome = components['schemas']['ComplaintOutcome'];
const OUTCOMES: Outcome[] = ['substantiated', 'partly_substantiated', 'unsubstantiated', 'withdrawn'];

/** One complaint for officers (and its agency, without the complainant): the moves the API allows, assignment, inspection link. */
export function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const role = useRole();
  const categories = useComplaintCategories();
  const complaint = useComplaint(id, language);
  if (complaint.isPending) return <Loading />;
  if (complaint.error) {
    return (
      <div className="stack wide-page inspector-page">
        <PageHeading title={t.inspector.complaints.all} />
        {isProblem(complaint.error, 404) ? <p role="alert">{t.inspector.complaint.notFound}</p> : <ProblemAlert error={complaint.error} onRetry={() => void complaint.refetch()} />}
      </div>
    );
  }
  const c = complaint.data;
  const handler = role === 'inspector' || role === 'bureau_admin';
  const categoryName = (code: string) => {
    const category = categories.data?.find((cat) => cat.code === code);
    return category ? (language === 'en' ? category.nameEn : category.nameZh) : code;
  };
  return (
    <div className="stack wide-page inspector-page">
      <PageHeading title={t.inspector.complaint.title(c.trackingCode)} />
      <p className="complaint-status-line">
        <span className="status-tag" data-testid="complaint-status">
          {t.complaintStatus[c.status]}
        </span>{' '}
        <SlaTag status={c.slaStatus} />{' '}
        <span>
          {t.inspector.complaints.severity}: {t.inspector.complaints.severityName[c.severity]}
        </span>
        {c.slaBreached && <span className="status-tag bad">{t.inspector.complaint.slaBreachedEver}</span>}
      </p>
      <dl className="facts">
        <dt>{t.inspector.agency}</dt>
        <dd>
          {c.agencyNameZh ? agencyName(c, language) : t.inspector.none}
          {c.agencyNameGiven && <div className="muted small">{t.inspector.complaint.agencyGiven(c.agencyNameGiven)}</div>}
        </dd>
        <dt>{t.inspector.complaint.categories}</dt>
        <dd>{c.categories.map(categoryName).join(language === 'en' ? ', ' : '、')}</dd>
        <dt>{t.inspector.complaint.description}</dt>
        <dd className="prewrap">{c.description}</dd>
        <dt>{t.inspector.complaint.complainant}</dt>
        <dd>{c.complainantVisible && (c.complainantName || c.complainantContact) ? [c.complainantName, c.complainantContact].filter(Boolean).join(' · ') : t.inspector.complaint.anonymous}</dd>
        <dt>{t.inspector.complaint.bureau}</dt>
        <dd>{c.assignedBureauName ?? t.inspector.complaint.unassigned}</dd>
        <dt>{t.inspector.complaint.assignee}</dt>
        <dd data-testid="assignee">{c.assigneeName ?? t.inspector.complaint.unassigned}</dd>
        <dt>{t.inspector.complaint.ackDue}</dt>
        <dd>{formatDate(c.ackDueAt, language, true)}</dd>
        <dt>{t.inspector.complaint.resolveDue}</dt>
        <dd>{formatDate(c.resolveDueAt, language, true)}</dd>
        {c.outcome && (
          <>
            <dt>{t.inspector.complaint.outcome}</dt>
            <dd data-testid="outcome">{t.inspector.complaint.outcomeName[c.outcome]}</dd>
          </>
        )}
        {c.inspectionId && (
          <>
            <dt>{t.inspector.complaint.linkedInspection}</dt>
            <dd>
              <Link to={`/inspections/${c.inspectionId}`}>{t.inspector.open}</Link>
            </dd>
          </>
        )}
      </dl>
      {handler && <TransitionPanel complaint={c} />}
      {role === 'bureau_admin' && <AssignPanel complaint={c} />}
      {role === 'bureau_admin' && !c.extendedAt && c.nextDueAt && <ExtendPanel complaint={c} />}
      {role === 'agency_user' && <AnswerPanel complaint={c} />}
      {handler && c.agencyId && <LinkInspectionPanel complaint={c} />}
      <section className="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">{t.inspector.complaint.history}</h2>
        <ol className="plain-list history">
          {c.history.map((event) => (
            <li key={event.id}>
              <span className="muted small">{t.inspector.inspection.by(event.actorUsername, formatDate(event.occurredAt, language, true))}</span>
              <div>
                {event.toStatus ? `${event.fromStatus ? t.complaintStatus[event.fromStatus as Status] : ''} → ${t.complaintStatus[event.toStatus as Status]}` : (t.inspector.complaint.eventKind[event.kind] ?? event.kind)}
              </div>
              {event.note && <div className="prewrap">{event.note}</div>}
              {event.publicNote && <div className="muted prewrap">{event.publicNote}</div>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

interface TransitionFields {
  to?: Status;
  note?: string;
  outcome?: Outcome;
  publicNote?: string;
}

function TransitionPanel({ complaint }: { complaint: Complaint }) {
  const t = useT();
  const [form] = Form.useForm<TransitionFields>();
  const to = Form.useWatch('to', form);
  const refresh = useRefreshComplaint(complaint.id);
  const move = useTransitionComplaint(complaint.id, {
    onSuccess: () => form.resetFields(),
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field as keyof TransitionFields, errors: [e.message] })));
    },
  });
  const required = [{ required: true, whitespace: true, message: t.inspector.plan.required }];
  return (
    <section className="panel" aria-labelledby="transition-heading">
      <h2 id="transition-heading">{t.inspector.complaint.transition}</h2>
      {complaint.allowedTransitions.length === 0 ? (
        <p className="muted">{t.inspector.complaint.noTransitions}</p>
      ) : (
        <Form<TransitionFields> form={form} layout="vertical" onFinish={(fields) => move.mutate({ to: fields.to!, note: fields.note ?? '', version: complaint.version, ...(fields.outcome ? { outcome: fields.outcome } : {}), ...(fields.publicNote?.trim() ? { publicNote: fields.publicNote.trim() } : {}) })}>
          <Form.Item name="to" label={t.inspector.complaint.to} rules={[{ required: true, message: t.inspector.plan.required }]}>
            <NativeSelect placeholder="—" options={complaint.allowedTransitions.map((s) => ({ value: s, label: t.complaintStatus[s] }))} />
          </Form.Item>
          {(to === 'resolved' || to === 'dismissed') && (
            <Form.Item name="outcome" label={t.inspector.complaint.outcome} rules={to === 'resolved' ? [{ required: true, message: t.inspector.plan.required }] : []}>
              <NativeSelect placeholder="—" options={OUTCOMES.map((o) => ({ value: o, label: t.inspector.complaint.outcomeName[o] }))} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t.inspector.complaint.note} rules={required}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          <Form.Item name="publicNote" label={t.inspector.complaint.publicNote}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={move.isPending}>
            {t.inspector.complaint.move}
          </Button>
        </Form>
      )}
      {move.error && !(move.error instanceof ApiProblem && move.error.errors.length > 0) && <ProblemAlert error={move.error} onRetry={() => void refresh()} />}
    </section>
  );
}

function AssignPanel({ complaint }: { complaint: Complaint }) {
  const t = useT();
  const [form] = Form.useForm<{ assigneeId?: string }>();
  const officers = useAssignees(complaint.id);
  const assign = useAssignComplaint(complaint.id, {
    onSuccess: () => form.resetFields(),
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: 'assigneeId', errors: [e.message] })));
    },
  });
  return (
    <section className="panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t.inspector.complaint.assign}</h2>
      {officers.error && <ProblemAlert error={officers.error} onRetry={() => void officers.refetch()} />}
      <Form form={form} layout="vertical" onFinish={(fields) => assign.mutate({ assigneeId: fields.assigneeId, version: complaint.version })}>
        <Form.Item name="assigneeId" label={t.inspector.complaint.assignTo} rules={[{ required: true, message: t.inspector.plan.required }]}>
          <NativeSelect
            placeholder="—"
            options={(officers.data ?? []).map((o) => ({ value: o.id, label: `${o.displayName} · ${t.roles[o.role as 'inspector' | 'bureau_admin']} · ${o.bureauName}` }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={assign.isPending}>
          {t.inspector.complaint.assign}
        </Button>
      </Form>
      {assign.error && !(assign.error instanceof ApiProblem && assign.error.errors.length > 0) && <ProblemAlert error={assign.error} />}
    </section>
  );
}

function LinkInspectionPanel({ complaint }: { complaint: Complaint }) {
  const t = useT();
  const language = useLanguage();
  const [form] = Form.useForm<{ inspectionId?: string; planOn?: string }>();
  const inspections = useAgencyInspections(complaint.agencyId);
  const link = useLinkInspection(complaint.id, {
    onSuccess: () => form.resetFields(),
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field as 'inspectionId' | 'planOn', errors: [e.message] })));
    },
  });
  return (
    <section className="panel" aria-labelledby="link-heading">
      <h2 id="link-heading">{t.inspector.complaint.linkInspection}</h2>
      <Form form={form} layout="vertical" onFinish={(fields) => link.mutate({ version: complaint.version, ...(fields.inspectionId ? { inspectionId: fields.inspectionId } : fields.planOn ? { planOn: fields.planOn } : {}) })}>
        <Form.Item name="inspectionId" label={t.inspector.complaint.inspectionId}>
          <NativeSelect
            placeholder="—"
            options={(inspections.data ?? []).map((i) => ({ value: i.id, label: `${formatDate(i.inspectionDate, language)} · ${t.inspector.inspectionType[i.type]} · ${t.inspector.inspectionStatus[i.status]}` }))}
          />
        </Form.Item>
        <Form.Item name="planOn" label={t.inspector.complaint.planOn}>
          <Input type="date" />
        </Form.Item>
        <Button htmlType="submit" loading={link.isPending}>
          {t.inspector.complaint.link}
        </Button>
      </Form>
      {link.error && !(link.error instanceof ApiProblem && link.error.errors.length > 0) && <ProblemAlert error={link.error} />}
    </section>
  );
}

/** A bureau admin's one extension of the resolution deadline, with its reason. */
function ExtendPanel({ complaint }: { complaint: Complaint }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const extend = useExtendComplaint(complaint.id, {
    onSuccess: () => form.resetFields(),
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: 'reason', errors: [e.message] })));
    },
  });
  return (
    <section className="panel" aria-labelledby="extend-heading">
      <h2 id="extend-heading">{t.inspector.complaint.extend}</h2>
      <Form form={form} layout="vertical" onFinish={(fields) => extend.mutate({ reason: fields.reason, version: complaint.version })}>
        <Form.Item name="reason" label={t.inspector.complaint.extendReason} rules={[{ required: true, whitespace: true, message: t.inspector.plan.required }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" loading={extend.isPending}>
          {t.inspector.complaint.extend}
        </Button>
      </Form>
      {extend.error && !(extend.error instanceof ApiProblem && extend.error.errors.length > 0) && <ProblemAlert error={extend.error} />}
    </section>
  );
}

/** The agency's answer to a complaint about it (it never sees who complained). */
function AnswerPanel({ complaint }: { complaint: Complaint }) {
  const t = useT();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useAnswerComplaint(complaint.id, {
    onSuccess: () => form.resetFields(),
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: 'answer', errors: [e.message] })));
    },
  });
  return (
    <section className="panel" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t.inspector.complaint.answer}</h2>
      <Form form={form} layout="vertical" onFinish={(fields) => answer.mutate({ answer: fields.answer })}>
        <Form.Item name="answer" label={t.inspector.complaint.answerText} rules={[{ required: true, whitespace: true, message: t.inspector.plan.required }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={answer.isPending}>
          {t.inspector.complaint.answer}
        </Button>
      </Form>
      {answer.error && !(answer.error instanceof ApiProblem && answer.error.errors.length > 0) && <ProblemAlert error={answer.error} />}
    </section>
  );
}
