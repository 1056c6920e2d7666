import { Alert, Button, Checkbox, Form, Input } from 'antd';
import { useMemo, useState } from 'react';
import { ApiProblem } from '@/lib/api/problem';
import { useComplaintCategories, useProvinces } from '@/lib/api/reference';
import type { components } from '@/lib/api/schema';
import { countryName, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { NativeSelect } from '@/components/NativeSelect';
import { ProblemAlert } from '@/components/ProblemAlert';
import { looksLikeNumber, normaliseNumber } from '@/utils/licence-number';
import { DESTINATION_COUNTRIES } from '@/utils/destinations';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { forgetIdempotencyKey, idempotencyKey } from './idempotency';
import { useSubmitComplaint } from './api/submit-complaint';
import { useAgencySuggestions } from './use-agency-suggestions';

export type ComplaintReceipt = components['schemas']['ComplaintReceipt'];
type ComplaintRequest = components['schemas']['PublicComplaintRequest'];

interface FormValues {
  categories: string[];
  description: string;
  agency?: string;
  jurisdictionCode?: string;
  destinationCountry?: string;
  amount?: string;
  complainantName?: string;
  complainantContact?: string;
}

const MAX_DESCRIPTION = 5000;
const SEVERITY_ORDER = ['urgent', 'high', 'medium', 'low'];
const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;
const LICENCE_NUMBER = /^\d{6}-\d{4}-\d{6}$/;
/** The API's field names mapped to this form's. */
const FIELD_OF: Record<string, keyof FormValues> = {
  licenceNumber: 'agency',
  uscc: 'agency',
  agencyName: 'agency',
  amountClaimed: 'amount',
};

/** The agency as the worker gave it: a licence number, a credit code, or only a name. */
function agencyFields(agency: string | undefined): Pick<ComplaintRequest, 'licenceNumber' | 'uscc' | 'agencyName'> {
  const text = agency?.trim();
  if (!text) return {};
  const number = normaliseNumber(text);
  if (looksLikeNumber(number)) return LICENCE_NUMBER.test(number) ? { licenceNumber: number } : { uscc: number };
  return { agencyName: text };
}

function toRequest(values: FormValues): ComplaintRequest {
  const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    categories: values.categories,
    description: values.description.trim(),
    ...agencyFields(values.agency),
    jurisdictionCode: values.jurisdictionCode,
    destinationCountry: values.destinationCountry,
    amountClaimed: trimmed(values.amount) === undefined ? undefined : Number(values.amount),
    complainantName: trimmed(values.complainantName),
    complainantContact: trimmed(values.complainantContact),
  };
}

export function ComplaintForm({ initialAgency, onReceipt }: { initialAgency?: string; onReceipt: (receipt: ComplaintReceipt) => void }) {
  const t = useT();
  const language = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const categories = useComplaintCategories();
  const provinces = useProvinces();
  const [agencyText, setAgencyText] = useState(initialAgency ?? '');
  // One key for this complaint from the moment its form opens, kept across reloads until it is sent.
  useState(idempotencyKey);
  const suggestions = useAgencySuggestions(agencyText);
  const initialValues = useMemo<Partial<FormValues>>(() => {
    const draft = loadDraft<FormValues>() ?? {};
    return { categories: [], ...draft, ...(initialAgency ? { agency: initialAgency } : {}) };
  }, [initialAgency]);

  const submit = useSubmitComplaint({
    onSuccess: (receipt) => {
      forgetIdempotencyKey();
      clearDraft();
      onReceipt(receipt);
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.errors.length > 0) {
        form.setFields(
          error.errors.map((fieldError) => ({
            name: FIELD_OF[fieldError.field] ?? (fieldError.field as keyof FormValues),
            errors: [fieldError.message],
          })),
        );
      }
    },
  });

  // The gravest first, so a worker in danger finds their case at the top; "other" last.
  const sortedCategories = [...(categories.data ?? [])].sort(
    (a, b) => Number(a.code === 'other') - Number(b.code === 'other') || SEVERITY_ORDER.indexOf(a.severityFloor) - SEVERITY_ORDER.indexOf(b.severityFloor),
  );
  const agencyIdentified = (value: string | undefined) => !!value && looksLikeNumber(normaliseNumber(value));
  const agencySuggestions = (suggestions.data ?? []).map((agency) => ({
    value: agency.licenceNumbers[0] ?? agency.uscc,
    label: language === 'en' && agency.nameEn ? agency.nameEn : agency.nameZh,
  }));

  const fieldErrorOnly = submit.error instanceof ApiProblem && submit.error.errors.length > 0;

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={(_, all) => saveDraft({ ...all, complainantName: undefined, complainantContact: undefined })}
      onFinish={(values) => submit.mutate(toRequest(values))}
      onFinishFailed={() => form.scrollToField(form.getFieldsError().find((f) => f.errors.length > 0)?.name ?? 'categories', { block: 'center', focus: true })}
      scrollToFirstError={false}
      requiredMark="optional"
      className="stack"
    >
      <Alert type="warning" showIcon role="note" title={t.complaint.urgentNote} />

      <fieldset className="panel form-section">
        <legend className="form-legend" id="categories-legend">
          {t.complaint.categories}
        </legend>
        {/* A validator rather than `required`: antd would put aria-required on the group, which ARIA does not allow there. */}
        <Form.Item
          name="categories"
          rules={[{ validator: (_, value: string[] | undefined) => (value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(t.complaint.categoriesRequired))) }]}
        >
          <Checkbox.Group className="category-list" role="group" aria-labelledby="categories-legend">
            {sortedCategories.map((category) => (
              <Checkbox key={category.code} value={category.code} className="category-option">
                <span className="category-name">{language === 'en' ? category.nameEn : category.nameZh}</span>
                {category.severityFloor === 'urgent' && (
                  // A plain label, not antd's Tag: the complaint form is a worker's first load on a phone.
                  <span className="category-tag urgent-label">{t.complaint.urgentCategory}</span>
                )}
                {language === 'en' && <span className="agency-meta">{category.description}</span>}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        {categories.error && <ProblemAlert error={categories.error} onRetry={() => void categories.refetch()} />}
      </fieldset>

      <div className="panel form-section">
        <Form.Item
          name="description"
          label={t.complaint.description}
          extra={t.complaint.descriptionHelp}
          rules={[
            { required: true, whitespace: true, message: t.complaint.descriptionRequired },
            { min: 10, message: t.complaint.descriptionTooShort, transform: (value: string) => value?.trim() },
            { max: MAX_DESCRIPTION, message: t.complaint.descriptionTooLong(MAX_DESCRIPTION) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={MAX_DESCRIPTION} />
        </Form.Item>

        <Form.Item name="agency" label={t.complaint.agency} extra={t.complaint.agencyHelp} rules={[{ required: true, whitespace: true, message: t.complaint.agencyRequired }, { max: 200, message: t.complaint.tooLong }]}>
          <Input list="agency-suggestions" autoComplete="off" placeholder={t.complaint.agencyPlaceholder} onChange={(event) => setAgencyText(event.target.value)} />
        </Form.Item>
        {/* The browser's own suggestion list: the value is the licence number (or code), the label the name. */}
        <datalist id="agency-suggestions">
          {agencySuggestions.map((option) => (
            <option key={option.value} value={option.value} label={option.label}>
              {option.label}
            </option>
          ))}
        </datalist>

        <Form.Item
          name="jurisdictionCode"
          label={t.complaint.place}
          dependencies={['agency']}
          rules={[({ getFieldValue }) => ({ required: !agencyIdentified(getFieldValue('agency') as string | undefined), message: t.complaint.placeRequired })]}
        >
          <NativeSelect placeholder={t.complaint.placePlaceholder} options={(provinces.data ?? []).map((p) => ({ value: p.code, label: language === 'en' ? p.nameEn : p.nameZh }))} />
        </Form.Item>

        <Form.Item name="destinationCountry" label={t.complaint.destination}>
          <NativeSelect placeholder={t.complaint.destinationPlaceholder} options={DESTINATION_COUNTRIES.map((code) => ({ value: code, label: countryName(code, language) }))} />
        </Form.Item>

        <Form.Item
          name="amount"
          label={t.complaint.amount}
          rules={[{ validator: (_, value: string | undefined) => (!value?.trim() || (AMOUNT.test(value.trim()) && Number(value) <= 100_000_000) ? Promise.resolve() : Promise.reject(new Error(t.complaint.amountInvalid))) }]}
        >
          <Input inputMode="decimal" autoComplete="off" />
        </Form.Item>
      </div>

      <fieldset className="panel form-section">
        <legend className="form-legend">{t.complaint.contactTitle}</legend>
        <p className="page-intro">{t.complaint.contactHelp}</p>
        <Form.Item name="complainantName" label={t.complaint.name} rules={[{ max: 200, message: t.complaint.tooLong }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="complainantContact" label={t.complaint.contact} rules={[{ max: 200, message: t.complaint.tooLong }]}>
          <Input autoComplete="tel" inputMode="tel" />
        </Form.Item>
      </fieldset>

      {submit.error && (fieldErrorOnly ? <Alert type="error" showIcon role="alert" title={t.complaint.formHasErrors} /> : <ProblemAlert error={submit.error} />)}

      <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} disabled={submit.isPending}>
        {submit.isPending ? t.complaint.submitting : t.complaint.submit}
      </Button>
    </Form>
  );
}
