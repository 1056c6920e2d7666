import { Alert, Button } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '@/lib/api/problem';
import { countryName, useLanguage } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useFilePlacement } from './api/file-placement';
import { usePlacementReference } from './api/get-placement-reference';
import type { PlacementRequest } from './api/types';
import { checkDraft, type DraftContract } from './clause-check';
import { usePlacementTexts } from './texts';
import './placements.css';

const PAYERS = ['employer', 'worker', 'agency', 'shared'] as const;

interface Draft {
  name: string;
  idNumber: string;
  phone: string;
  destinationCountry: string;
  employerName: string;
  employerAddress: string;
  jobTitle: string;
  departureDate: string;
  contract: DraftContract;
  completedOn: string;
  trainingHours?: number;
  topics: string[];
}

const EMPTY: Draft = {
  name: '', idNumber: '', phone: '', destinationCountry: '', employerName: '', employerAddress: '', jobTitle: '', departureDate: '',
  contract: { insurance: false, returnTravelPaidBy: 'employer', documentsRetainedByEmployer: false, feesChargedToWorker: 0, restDaysPerWeek: 1 },
  completedOn: '', topics: [],
};

const num = (value: string) => (value === '' ? undefined : Number(value));

/** The agency files a placement; each clause of the sample contract shows met or not as the form is filled. */
export function NewPlacementPage() {
  const texts = usePlacementTexts();
  const t = texts.form;
  const language = useLanguage();
  const reference = usePlacementReference();
  const file = useFilePlacement();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const setContract = (change: Partial<DraftContract>) => setDraft((d) => ({ ...d, contract: { ...d.contract, ...change } }));
  const destinations = reference.data?.destinations ?? [];
  const destination = destinations.find((d) => d.countryCode === draft.destinationCountry);
  const verdicts = useMemo(
    () => checkDraft(draft.contract, draft.departureDate || undefined, reference.data?.clauses ?? [], destination, texts.rules),
    [draft.contract, draft.departureDate, reference.data, destination, texts.rules],
  );
  const minHours = reference.data?.trainingMinHours ?? 24;
  const required = reference.data?.requiredTrainingTopics ?? [];
  const trainingOk = !!draft.completedOn && !!draft.departureDate && draft.completedOn < draft.departureDate && (draft.trainingHours ?? 0) >= minHours && required.every((r) => draft.topics.includes(r.code));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const c = draft.contract;
    const body: PlacementRequest = {
      worker: { name: draft.name, idNumber: draft.idNumber, phone: draft.phone },
      destinationCountry: draft.destinationCountry,
      employer: { name: draft.employerName, country: draft.destinationCountry, address: draft.employerAddress },
      jobTitle: draft.jobTitle,
      contract: {
        monthlyWage: c.monthlyWage ?? null, currency: c.currency || null, hoursPerWeek: c.hoursPerWeek ?? 0, restDaysPerWeek: c.restDaysPerWeek ?? 0, durationMonths: c.durationMonths ?? 0,
        insurance: c.insurance, returnTravelPaidBy: c.returnTravelPaidBy as PlacementRequest['contract']['returnTravelPaidBy'], feesChargedToWorker: c.feesChargedToWorker ?? 0,
        documentsRetainedByEmployer: c.documentsRetainedByEmployer, disputeResolution: c.disputeResolution ?? null, signedOn: c.signedOn ?? '',
      },
      training: { completedOn: draft.completedOn, hours: draft.trainingHours ?? 0, topics: draft.topics },
      departureDate: draft.departureDate,
    };
    file.mutate(body);
  };

  if (reference.isPending) return <Loading />;
  if (reference.error) return <ProblemAlert error={reference.error} onRetry={() => void reference.refetch()} />;
  if (file.data) {
    return (
      <div className="stack">
        <PageHeading title={t.title} />
        <Alert type="success" showIcon role="status" title={t.filed(file.data.checkCode)} data-testid="placement-filed" />
        <Link to="/placements">{t.back}</Link>
      </div>
    );
  }
  const problem = file.error instanceof ApiProblem ? file.error : undefined;
  return (
    <div className="stack wide-page">
      <PageHeading title={t.title} intro={t.intro} />
      <form className="stack placement-form" onSubmit={submit} data-testid="placement-form">
        <fieldset>
          <legend>{t.workerSection}</legend>
          <label>{t.name}<input name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} required maxLength={100} /></label>
          <label>{t.idNumber}<input name="idNumber" value={draft.idNumber} onChange={(e) => set({ idNumber: e.target.value })} required maxLength={18} autoComplete="off" /></label>
          <label>{t.phone}<input name="phone" type="tel" value={draft.phone} onChange={(e) => set({ phone: e.target.value })} required maxLength={20} autoComplete="off" /></label>
        </fieldset>
        <fieldset>
          <legend>{t.jobSection}</legend>
          <label>
            {t.destination}
            <select name="destinationCountry" value={draft.destinationCountry} onChange={(e) => set({ destinationCountry: e.target.value })} required>
              <option value="">{t.chooseCountry}</option>
              {destinations.map((d) => (
                <option key={d.countryCode} value={d.countryCode}>
                  {(language === 'en' ? d.nameEn : d.nameZh) || countryName(d.countryCode, language)}
                </option>
              ))}
            </select>
          </label>
          <label>{t.employerName}<input name="employerName" value={draft.employerName} onChange={(e) => set({ employerName: e.target.value })} required /></label>
          <label>{t.employerAddress}<input name="employerAddress" value={draft.employerAddress} onChange={(e) => set({ employerAddress: e.target.value })} required /></label>
          <label>{t.jobTitle}<input name="jobTitle" value={draft.jobTitle} onChange={(e) => set({ jobTitle: e.target.value })} required /></label>
          <label>{t.departureDate}<input name="departureDate" type="date" value={draft.departureDate} onChange={(e) => set({ departureDate: e.target.value })} required /></label>
        </fieldset>
        <fieldset>
          <legend>{t.contractSection}</legend>
          <label>{t.monthlyWage}<input name="monthlyWage" type="number" min={0} step="0.01" value={draft.contract.monthlyWage ?? ''} onChange={(e) => setContract({ monthlyWage: num(e.target.value) })} /></label>
          <label>{t.currency}<input name="currency" value={draft.contract.currency ?? ''} onChange={(e) => setContract({ currency: e.target.value.toUpperCase() })} maxLength={3} placeholder={destination?.wageCurrency ?? ''} /></label>
          {destination?.minimumMonthlyWage && destination.wageCurrency ? <p className="agency-meta">{t.minimumWage(destination.minimumMonthlyWage.toLocaleString(language), destination.wageCurrency)}</p> : null}
          <label>{t.hoursPerWeek}<input name="hoursPerWeek" type="number" min={0} max={168} value={draft.contract.hoursPerWeek ?? ''} onChange={(e) => setContract({ hoursPerWeek: num(e.target.value) })} /></label>
          <label>{t.restDaysPerWeek}<input name="restDaysPerWeek" type="number" min={0} max={7} value={draft.contract.restDaysPerWeek ?? ''} onChange={(e) => setContract({ restDaysPerWeek: num(e.target.value) })} /></label>
          <label>{t.durationMonths}<input name="durationMonths" type="number" min={0} max={240} value={draft.contract.durationMonths ?? ''} onChange={(e) => setContract({ durationMonths: num(e.target.value) })} /></label>
          <label>{t.feesChargedToWorker}<input name="feesChargedToWorker" type="number" min={0} value={draft.contract.feesChargedToWorker ?? ''} onChange={(e) => setContract({ feesChargedToWorker: num(e.target.value) })} /></label>
          <label>
            {t.returnTravelPaidBy}
            <select name="returnTravelPaidBy" value={draft.contract.returnTravelPaidBy} onChange={(e) => setContract({ returnTravelPaidBy: e.target.value })}>
              {PAYERS.map((p) => (
                <option key={p} value={p}>{t.payers[p]}</option>
              ))}
            </select>
          </label>
          <label>{t.disputeResolution}<input name="disputeResolution" value={draft.contract.disputeResolution ?? ''} onChange={(e) => setContract({ disputeResolution: e.target.value })} /></label>
          <label>{t.signedOn}<input name="signedOn" type="date" value={draft.contract.signedOn ?? ''} onChange={(e) => setContract({ signedOn: e.target.value })} /></label>
          <label className="inline"><input name="insurance" type="checkbox" checked={draft.contract.insurance} onChange={(e) => setContract({ insurance: e.target.checked })} />{t.insurance}</label>
          <label className="inline"><input name="documentsRetainedByEmployer" type="checkbox" checked={draft.contract.documentsRetainedByEmployer} onChange={(e) => setContract({ documentsRetainedByEmployer: e.target.checked })} />{t.documentsRetainedByEmployer}</label>
        </fieldset>
        <fieldset>
          <legend>{t.trainingSection}</legend>
          <label>{t.completedOn}<input name="completedOn" type="date" value={draft.completedOn} onChange={(e) => set({ completedOn: e.target.value })} /></label>
          <label>{t.trainingHours}<input name="trainingHours" type="number" min={0} value={draft.trainingHours ?? ''} onChange={(e) => set({ trainingHours: num(e.target.value) })} /></label>
          <div>
            <span>{t.topics}</span>
            {required.map((topic) => (
              <label key={topic.code} className="inline">
                <input
                  type="checkbox"
                  name={`topic-${topic.code}`}
                  checked={draft.topics.includes(topic.code)}
                  onChange={(e) => set({ topics: e.target.checked ? [...draft.topics, topic.code] : draft.topics.filter((c) => c !== topic.code) })}
                />
                {language === 'en' ? topic.nameEn : topic.nameZh}
              </label>
            ))}
          </div>
        </fieldset>
        <section className="panel" aria-labelledby="clauses" aria-live="polite">
          <h2 id="clauses">{t.clausesTitle}</h2>
          <ul className="clause-list" data-testid="clause-checks">
            {verdicts.map((v) => (
              <li key={v.code} data-clause={v.code} data-ok={v.ok}>
                <span aria-hidden>{v.ok ? '✓' : '✗'}</span>
                <span>{language === 'en' ? `${v.titleEn}: ` : `${v.titleZh}：`}{v.ok ? t.clauseOk : t.clauseFails}</span>
                {v.why && <span className="clause-why">{v.why}</span>}
              </li>
            ))}
            <li data-clause="training" data-ok={trainingOk}>
              <span aria-hidden>{trainingOk ? '✓' : '✗'}</span>
              <span>{language === 'en' ? `${t.trainingSection}: ` : `${t.trainingSection}：`}{trainingOk ? t.clauseOk : t.clauseFails}</span>
              {!trainingOk && <span className="clause-why">{t.trainingRule(minHours)}</span>}
            </li>
          </ul>
        </section>
        {problem && problem.errors.length > 0 ? (
          <Alert type="error" showIcon role="alert" title={problem.detail ?? problem.title} description={<ul data-testid="placement-errors">{problem.errors.map((e) => <li key={e.field + e.message}>{e.message}</li>)}</ul>} />
        ) : file.error ? (
          <ProblemAlert error={file.error} />
        ) : null}
        <div>
          <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="submit-placement">
            {t.submit}
          </Button>
        </div>
      </form>
    </div>
  );
}
