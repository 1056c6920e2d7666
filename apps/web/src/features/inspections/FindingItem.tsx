import { Input } from 'antd';
import { memo } from 'react';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import type { Detail, FindingResult, FindingValue } from './pending-findings';

export const RESULTS: FindingResult[] = ['compliant', 'non_compliant', 'not_applicable', 'not_checked'];

interface Props {
  finding: Detail['findings'][number];
  value: FindingValue;
  unsaved: boolean;
  onChange: (code: string, value: FindingValue) => void;
}

/** One checklist item: its text in the reader's language, legal basis, criticality, points; result, note, evidence. */
export const FindingItem = memo(function FindingItem({ finding, value, unsaved, onChange }: Props) {
  const t = useT();
  const language = useLanguage();
  const code = finding.itemCode;
  const field = `finding-${code}`;
  return (
    <article className={`finding-item result-${value.result}`} data-item={code} aria-labelledby={`${field}-text`}>
      <header className="finding-head">
        <span className="finding-code">{code}</span>
        <span className={`criticality ${finding.criticality}`}>{t.inspector.criticality[finding.criticality as 'critical' | 'major' | 'minor']}</span>
        {/* A critical item counts no points: its failure decides the outcome alone, and "0 points" would read as "worth nothing". */}
        <span className="muted">{finding.criticality === 'critical' ? t.inspector.inspection.criticalItem : t.inspector.inspection.points(finding.points)}</span>
        {finding.legalBasis && (
          <span className="muted">
            {t.inspector.inspection.legalBasis}: {finding.legalBasis}
          </span>
        )}
        {unsaved && <span className="unsaved-dot" aria-hidden="true" />}
      </header>
      <p id={`${field}-text`} className="finding-text">
        {language === 'en' ? finding.textEn : finding.textZh}
      </p>
      <fieldset className="result-choice">
        <legend className="visually-hidden">{t.inspector.inspection.resultLabel(code)}</legend>
        {RESULTS.map((result) => (
          <label key={result} className={`result-option ${result}${value.result === result ? ' chosen' : ''}`}>
            <input type="radio" name={`${field}-result`} value={result} checked={value.result === result} onChange={() => onChange(code, { ...value, result })} />
            <span>{t.inspector.result[result]}</span>
          </label>
        ))}
      </fieldset>
      <div className="finding-fields">
        <label htmlFor={`${field}-note`}>
          <span>{t.inspector.inspection.note}</span>
          <Input.TextArea id={`${field}-note`} autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} value={value.note} onChange={(e) => onChange(code, { ...value, note: e.target.value })} />
        </label>
        <label htmlFor={`${field}-evidence`}>
          <span>{t.inspector.inspection.evidence}</span>
          <Input.TextArea id={`${field}-evidence`} autoSize={{ minRows: 1, maxRows: 6 }} value={value.evidence} onChange={(e) => onChange(code, { ...value, evidence: e.target.value })} />
        </label>
      </div>
    </article>
  );
});
