import { useMemo, useState, type FormEvent } from 'react';
import { ApiProblem } from '@/lib/api/problem';
import { useComplaintCategories, useProvinces } from '@/lib/api/reference';
import type { components } from '@/lib/api/schema';
import { countryName, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { NativeSelect } from '@/components/NativeSelect';
import { Alert, Button, Field, ProblemMessage, describedBy } from '@/components/public-ui';
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

type Errors = Partial<Record<keyof FormValues, string>>;
/** The fields in the order they appear: the first with an error gets the focus. */
const FIELD_ORDER: (keyof FormValues)[] = ['categories', 'description', 'agency', 'jurisdictionCode', 'destinationCountry', 'amount', 'complainantName', 'complainantContact'];

export function ComplaintForm({ initialAgency, onReceipt }: { initialAgency?: string; onReceipt: (receipt: ComplaintReceipt) => void }) {
  const t = useT();
  const language = useLanguage();
  const categories = useComplaintCategories();
  const provinces = useProvinces();
  const initialValues = useMemo<FormValues>(() => {
    const draft = loadDraft<FormValues>() ?? {};
    return { description: '', ...draft, categories: draft.categories ?? [], ...(initialAgency ? { agency: initialAgency } : {}) };
  }, [initialAgency]);
  const [values, setValues] = useState<FormValues>(initialValues);
  const [errors, setErrors] = useState<Errors>({});
  // One key for this complaint from the moment its form opens, kept across reloads until it is sent.
  useState(idempotencyKey);
  const suggestions = useAgencySuggestions(values.agency ?? '');

  const change = (patch: Partial<FormValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    // A corrected field loses its message at once; the others keep theirs until the next send.
    setErrors((current) => ({ ...current, ...Object.fromEntries(Object.keys(patch).map((key) => [key, undefined])) }));
    saveDraft({ ...next, complainantName: undefined, complainantContact: undefined });
  };

  const showErrors = (found: Errors) => {
    setErrors(found);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (!first) return;
    const target = first === 'categories' ? document.querySelector<HTMLInputElement>('#categories input') : document.getElementById(first);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  };

  const submit = useSubmitComplaint({
    onSuccess: (receipt) => {
      forgetIdempotencyKey();
      clearDraft();
      onReceipt(receipt);
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.errors.length > 0) {
        showErrors(Object.fromEntries(error.errors.map((fieldError) => [FIELD_OF[fieldError.field] ?? fieldError.field, fieldError.message])));
      }
    },
  });

  const validate = (v: FormValues): Errors => {
    const found: Errors = {};
    if (v.categories.length === 0) found.categories = t.complaint.categoriesRequired;
    const description = v.description.trim();
    if (!description) found.description = t.complaint.descriptionRequired;
    else if (description.length < 10) found.description = t.complaint.descriptionTooShort;
    else if (v.description.length > MAX_DESCRIPTION) found.description = t.complaint.descriptionTooLong(MAX_DESCRIPTION);
    if (!v.agency?.trim()) found.agency = t.complaint.agencyRequired;
    else if (v.agency.length > 200) found.agency = t.complaint.tooLong;
    if (!agencyIdentified(v.agency) && !v.jurisdictionCode) found.jurisdictionCode = t.complaint.placeRequired;
    const amount = v.amount?.trim();
    if (amount && !(AMOUNT.test(amount) && Number(amount) <= 100_000_000)) found.amount = t.complaint.amountInvalid;
    if ((v.complainantName?.length ?? 0) > 200) found.complainantName = t.complaint.tooLong;
    if ((v.complainantContact?.length ?? 0) > 200) found.complainantContact = t.complaint.tooLong;
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    if (Object.values(found).some(Boolean)) return showErrors(found);
    setErrors({});
    submit.mutate(toRequest(values));
  };

  // The gravest first, so a worker in danger finds their case at the top; "other" last.
  const sortedCategories = [...(categories.data ?? [])].sort(
    (a, b) => Number(a.code === 'other') - Number(b.code === 'other') || SEVERITY_ORDER.indexOf(a.severityFloor) - SEVERITY_ORDER.indexOf(b.severityFloor),
  );
  const agencySuggestions = (suggestions.data ?? []).map((agency) => ({
    value: agency.licenceNumbers[0] ?? agency.uscc,
    label: language === 'en' && agency.nameEn ? agency.nameEn : agency.nameZh,
  }));
  const placeRequired = !agencyIdentified(values.agency);
  const fieldErrorOnly = submit.error instanceof ApiProblem && submit.error.errors.length > 0;
  const text = (field: keyof FormValues, props: React.InputHTMLAttributes<HTMLInputElement> = {}, extra?: string) => (
    <input
      id={field}
      className="pu-input"
      value={(values[field] as string | undefined) ?? ''}
      onChange={(event) => change({ [field]: event.target.value })}
      aria-invalid={errors[field] ? true : undefined}
      aria-describedby={describedBy(field, extra, errors[field])}
      {...props}
    />
  );

  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      <Alert type="warning" role="note" title={t.complaint.urgentNote} />

      <fieldset className="panel form-section" aria-describedby={errors.categories ? 'categories-error' : undefined}>
        <legend className="form-legend" id="categories-legend">
          {t.complaint.categories}
        </legend>
        <div id="categories" className="category-list" role="group" aria-labelledby="categories-legend">
          {sortedCategories.map((category) => (
            <label key={category.code} className="pu-check category-option">
              <input
                type="checkbox"
                value={category.code}
                checked={values.categories.includes(category.code)}
                onChange={(event) =>
                  change({ categories: event.target.checked ? [...values.categories, category.code] : values.categories.filter((code) => code !== category.code) })
                }
              />
              <span>
                <span className="category-name">{language === 'en' ? category.nameEn : category.nameZh}</span>
                {category.severityFloor === 'urgent' && <span className="category-tag urgent-label">{t.complaint.urgentCategory}</span>}
                {language === 'en' && <span className="agency-meta">{category.description}</span>}
              </span>
            </label>
          ))}
        </div>
        {errors.categories && (
          <div id="categories-error" className="pu-error" role="alert">
            {errors.categories}
          </div>
        )}
        {categories.error && <ProblemMessage error={categories.error} onRetry={() => void categories.refetch()} />}
      </fieldset>

      <div className="panel form-section">
        <Field id="description" label={t.complaint.description} extra={t.complaint.descriptionHelp} error={errors.description}>
          <textarea
            id="description"
            className="pu-input"
            rows={5}
            maxLength={MAX_DESCRIPTION}
            value={values.description}
            onChange={(event) => change({ description: event.target.value })}
            aria-required="true"
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describedBy('description', t.complaint.descriptionHelp, errors.description)}
          />
        </Field>

        <Field id="agency" label={t.complaint.agency} extra={t.complaint.agencyHelp} error={errors.agency}>
          {text('agency', { list: 'agency-suggestions', autoComplete: 'off', placeholder: t.complaint.agencyPlaceholder, 'aria-required': true }, t.complaint.agencyHelp)}
        </Field>
        {/* The browser's own suggestion list: the value is the licence number (or code), the label the name. */}
        <datalist id="agency-suggestions">
          {agencySuggestions.map((option) => (
            <option key={option.value} value={option.value} label={option.label}>
              {option.label}
            </option>
          ))}
        </datalist>

        <Field id="jurisdictionCode" label={t.complaint.place} error={errors.jurisdictionCode} optional={placeRequired ? undefined : t.common.optional}>
          <NativeSelect
            id="jurisdictionCode"
            value={values.jurisdictionCode}
            onChange={(jurisdictionCode) => change({ jurisdictionCode })}
            placeholder={t.complaint.placePlaceholder}
            options={(provinces.data ?? []).map((p) => ({ value: p.code, label: language === 'en' ? p.nameEn : p.nameZh }))}
            aria-invalid={errors.jurisdictionCode ? true : undefined}
            aria-describedby={describedBy('jurisdictionCode', undefined, errors.jurisdictionCode)}
          />
        </Field>

        <Field id="destinationCountry" label={t.complaint.destination} optional={t.common.optional}>
          <NativeSelect
            id="destinationCountry"
            value={values.destinationCountry}
            onChange={(destinationCountry) => change({ destinationCountry })}
            placeholder={t.complaint.destinationPlaceholder}
            options={DESTINATION_COUNTRIES.map((code) => ({ value: code, label: countryName(code, language) }))}
          />
        </Field>

        <Field id="amount" label={t.complaint.amount} error={errors.amount} optional={t.common.optional}>
          {text('amount', { inputMode: 'decimal', autoComplete: 'off' })}
        </Field>
      </div>

      <fieldset className="panel form-section">
        <legend className="form-legend">{t.complaint.contactTitle}</legend>
        <p className="page-intro">{t.complaint.contactHelp}</p>
        <Field id="complainantName" label={t.complaint.name} error={errors.complainantName} optional={t.common.optional}>
          {text('complainantName', { autoComplete: 'name' })}
        </Field>
        <Field id="complainantContact" label={t.complaint.contact} error={errors.complainantContact} optional={t.common.optional}>
          {text('complainantContact', { autoComplete: 'tel', inputMode: 'tel' })}
        </Field>
      </fieldset>

      {submit.error && (fieldErrorOnly ? <Alert type="error" role="alert" title={t.complaint.formHasErrors} /> : <ProblemMessage error={submit.error} />)}

      <Button variant="primary" type="submit" size="large" block loading={submit.isPending} disabled={submit.isPending}>
        {submit.isPending ? t.complaint.submitting : t.complaint.submit}
      </Button>
    </form>
  );
}

function agencyIdentified(value: string | undefined): boolean {
  return !!value && looksLikeNumber(normaliseNumber(value));
}
