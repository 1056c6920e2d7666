import { Alert, Button, Form, Input, InputNumber, Space, message as antMessage } from 'antd';
import { useEffect, useState } from 'react';
import { ApiProblem, type FieldError } from '@/lib/api/problem';
import { countryName, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { AnnualReport, ReportFigures } from './use-duties';
import { useSaveReport, useSubmitReport } from './use-duties';

interface Fields {
  workersPlacedDomestic?: number | null;
  workersPlacedAbroad?: number | null;
  placementsAbroad?: { country?: string; workers?: number | null }[];
  employersServed?: number | null;
  feesFromEmployers?: string | null;
  feesChargedToWorkers?: string | null;
  feesChargedToWorkersAbroad?: string | null;
  complaintsReceived?: number | null;
  staffCount?: number | null;
  reserveFundBalance?: string | null;
}

const MONEY = ['feesFromEmployers', 'feesChargedToWorkers', 'feesChargedToWorkersAbroad', 'reserveFundBalance'] as const;

/** Yuan as typed ("1234.5") to fen, by the digits (never through a float). */
export function toFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const [whole, fraction = ''] = String(value).split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

const fromFen = (fen: number | null | undefined): string | null => (fen === null || fen === undefined ? null : `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);

function fieldsOf(report: AnnualReport): Fields {
  return {
    workersPlacedDomestic: report.workersPlacedDomestic,
    workersPlacedAbroad: report.workersPlacedAbroad,
    placementsAbroad: report.placementsAbroad,
    employersServed: report.employersServed,
    feesFromEmployers: fromFen(report.feesFromEmployersFen),
    feesChargedToWorkers: fromFen(report.feesChargedToWorkersFen),
    feesChargedToWorkersAbroad: fromFen(report.feesChargedToWorkersAbroadFen),
    complaintsReceived: report.complaintsReceived,
    staffCount: report.staffCount,
    reserveFundBalance: fromFen(report.reserveFundBalanceFen),
  };
}

function bodyOf(fields: Fields, version: number): ReportFigures {
  return {
    version,
    workersPlacedDomestic: fields.workersPlacedDomestic ?? null,
    workersPlacedAbroad: fields.workersPlacedAbroad ?? null,
    placementsAbroad: (fields.placementsAbroad ?? []).filter((p) => p?.country).map((p) => ({ country: (p.country ?? '').toUpperCase(), workers: p.workers ?? 0 })),
    employersServed: fields.employersServed ?? null,
    feesFromEmployersFen: toFen(fields.feesFromEmployers),
    feesChargedToWorkersFen: toFen(fields.feesChargedToWorkers),
    feesChargedToWorkersAbroadFen: toFen(fields.feesChargedToWorkersAbroad),
    complaintsReceived: fields.complaintsReceived ?? null,
    staffCount: fields.staffCount ?? null,
    reserveFundBalanceFen: toFen(fields.reserveFundBalance),
  };
}

/** API field names (…Fen) back to the form's (yuan). */
const formField = (field: string): (string | number)[] => {
  const path = field.replace(/\[(\d+)\]/g, '.$1').split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (typeof path[0] === 'string') path[0] = path[0].replace(/Fen$/, '');
  return path;
};

/** The agency's form: save as it goes (resume later), submit when complete; after a return, correct and resubmit. */
export function ReportForm({ report }: { report: AnnualReport }) {
  const t = useT().duties;
  const language = useLanguage();
  const [form] = Form.useForm<Fields>();
  const [message, messageHolder] = antMessage.useMessage();
  const save = useSaveReport(report.id);
  const submit = useSubmitReport(report.id);
  // Every refusal is listed above the buttons too: some (totals that disagree) belong to no one field.
  const [problems, setProblems] = useState<FieldError[]>([]);

  useEffect(() => {
    form.setFieldsValue(fieldsOf(report));
  }, [form, report]);

  /** A missing figure is named by its label, not the API's field name. */
  const readable = (e: FieldError): FieldError => {
    const [field] = formField(e.field);
    const label = (t.fields as Record<string, string>)[String(field)];
    return /is required before submitting|提交前须填写/.test(e.message) && label ? { field: e.field, message: t.requiredBeforeSubmit(label) } : e;
  };
  const showProblem = (error: unknown) => {
    if (error instanceof ApiProblem && error.errors.length > 0) {
      const errors = error.errors.map(readable);
      form.setFields(errors.map((e) => ({ name: formField(e.field) as never, errors: [e.message] })));
      setProblems(errors);
    }
  };
  /** A field's refusal goes once the field changes. */
  const onValuesChange = (changed: Partial<Fields>) => {
    const names = Object.keys(changed);
    form.setFields(names.map((name) => ({ name: name as keyof Fields, errors: [] })));
    setProblems((current) => current.filter((p) => !names.includes(String(formField(p.field)[0]))));
  };
  const onSave = async () => {
    const saved = await save.mutateAsync(bodyOf(form.getFieldsValue(true), report.version)).catch((error: unknown) => {
      showProblem(error);
      return undefined;
    });
    if (saved) {
      setProblems([]);
      void message.success(t.saved);
    }
    return saved;
  };
  const onSubmit = async () => {
    const saved = await onSave();
    if (!saved) return;
    await submit.mutateAsync(saved.version).then(
      () => void message.success(report.status === 'returned' ? t.resubmittedMessage : t.submittedMessage),
      showProblem,
    );
  };
  const whole = { min: 0, precision: 0, style: { width: '100%' } } as const;
  const money = { min: '0', precision: 2, stringMode: true, style: { width: '100%' }, prefix: '¥' } as const;

  return (
    <section className="panel" aria-labelledby="report-form">
      {messageHolder}
      <h2 id="report-form">{t.formTitle}</h2>
      <p className="page-intro">{t.formIntro}</p>
      {report.status === 'returned' && report.reviewNote && <Alert type="warning" showIcon title={t.returnedBecause(report.reviewNote)} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" data-testid="report-form" onValuesChange={onValuesChange}>
        <div className="duties-grid">
          <Form.Item name="workersPlacedDomestic" label={t.fields.workersPlacedDomestic}>
            <InputNumber {...whole} id="workersPlacedDomestic" />
          </Form.Item>
          <Form.Item name="workersPlacedAbroad" label={t.fields.workersPlacedAbroad}>
            <InputNumber {...whole} id="workersPlacedAbroad" />
          </Form.Item>
          <Form.Item name="employersServed" label={t.fields.employersServed}>
            <InputNumber {...whole} id="employersServed" />
          </Form.Item>
          <Form.Item name="complaintsReceived" label={t.fields.complaintsReceived}>
            <InputNumber {...whole} id="complaintsReceived" />
          </Form.Item>
          <Form.Item name="staffCount" label={t.fields.staffCount}>
            <InputNumber {...whole} id="staffCount" />
          </Form.Item>
          {MONEY.map((name) => (
            <Form.Item key={name} name={name} label={t.fields[name]} extra={name === 'feesChargedToWorkersAbroad' ? t.feeHint : undefined}>
              <InputNumber<string> {...money} id={name} />
            </Form.Item>
          ))}
        </div>
        <fieldset className="duties-placements">
          <legend>{t.fields.placementsAbroad}</legend>
          <p className="page-intro">{t.placementsHint}</p>
          <Form.List name="placementsAbroad">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="baseline" wrap>
                    <Form.Item name={[row.name, 'country']} label={t.country} rules={[{ pattern: /^[A-Za-z]{2}$/, message: t.countryRule }]}>
                      <Input maxLength={2} style={{ width: 90, textTransform: 'uppercase' }} placeholder="SG" />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const code = String(form.getFieldValue(['placementsAbroad', row.name, 'country']) ?? '').toUpperCase();
                        return <span className="duties-country">{code.length === 2 ? countryName(code, language) : ''}</span>;
                      }}
                    </Form.Item>
                    <Form.Item name={[row.name, 'workers']} label={t.workers}>
                      <InputNumber min={0} precision={0} />
                    </Form.Item>
                    <Button onClick={() => remove(row.name)}>{t.removeCountry}</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ country: '', workers: 0 })} data-testid="add-country">
                  {t.addCountry}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
        {(save.error || submit.error) && !(save.error instanceof ApiProblem && save.error.errors.length) && !(submit.error instanceof ApiProblem && submit.error.errors.length) && (
          <ProblemAlert error={save.error ?? submit.error} />
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t.fixBeforeSubmit}
            data-testid="report-problems"
            description={
              <ul>
                {problems.map((p) => (
                  <li key={p.field + p.message}>{p.message}</li>
                ))}
              </ul>
            }
          />
        )}
        <Space wrap style={{ marginTop: 16 }}>
          <Button onClick={() => void onSave()} loading={save.isPending && !submit.isPending} data-testid="save-report">
            {t.save}
          </Button>
          <Button type="primary" onClick={() => void onSubmit()} loading={submit.isPending} data-testid="submit-report">
            {report.status === 'returned' ? t.resubmit : t.submit}
          </Button>
        </Space>
      </Form>
    </section>
  );
}
