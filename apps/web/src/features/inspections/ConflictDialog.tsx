import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import { type Detail, type FindingValue, type Pending, evidenceList, serverValue } from './pending-findings';

interface Props {
  detail: Detail;
  pending: Pending;
  conflicts: string[];
  onResolve: (choices: Record<string, 'mine' | 'theirs'>) => void;
}

/** Both versions of every item someone else changed too, side by side; nothing is sent until the person chooses. */
export function ConflictDialog({ detail, pending, conflicts, onResolve }: Props) {
  const t = useT();
  const language = useLanguage();
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const chosen = conflicts.every((code) => choices[code]);
  const apply = () => {
    onResolve(choices);
    setChoices({});
  };
  return (
    <Modal
      open={conflicts.length > 0}
      title={t.inspector.inspection.conflict}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={860}
      footer={
        <Button type="primary" disabled={!chosen} onClick={apply}>
          {t.inspector.inspection.resolveConflict}
        </Button>
      }
    >
      <p>{t.inspector.inspection.conflictIntro}</p>
      <div className="conflict-list" data-testid="conflict">
        {conflicts.map((code) => {
          const finding = detail.findings.find((f) => f.itemCode === code);
          const mine = pending[code]?.value;
          if (!finding || !mine) return null;
          return (
            <fieldset key={code} className="conflict-item" data-item={code}>
              <legend>
                {code}: {language === 'en' ? finding.textEn : finding.textZh}
              </legend>
              <div className="conflict-sides">
                <Side title={t.inspector.inspection.mine} value={mine} testId="mine" />
                <Side title={t.inspector.inspection.theirs} value={serverValue(finding)} testId="theirs" />
              </div>
              <div className="conflict-choice">
                <label>
                  <input type="radio" name={`choice-${code}`} checked={choices[code] === 'mine'} onChange={() => setChoices((c) => ({ ...c, [code]: 'mine' }))} /> {t.inspector.inspection.keepMine}
                </label>
                <label>
                  <input type="radio" name={`choice-${code}`} checked={choices[code] === 'theirs'} onChange={() => setChoices((c) => ({ ...c, [code]: 'theirs' }))} /> {t.inspector.inspection.takeTheirs}
                </label>
              </div>
            </fieldset>
          );
        })}
      </div>
    </Modal>
  );
}

function Side({ title, value, testId }: { title: string; value: FindingValue; testId: string }) {
  const t = useT();
  const evidence = evidenceList(value.evidence);
  return (
    <div className="conflict-side" data-testid={testId}>
      <h3>{title}</h3>
      <p>
        <strong>{t.inspector.result[value.result]}</strong>
      </p>
      {value.note.trim() && (
        <p>
          {t.inspector.inspection.note}: {value.note}
        </p>
      )}
      {evidence.length > 0 && (
        <p>
          {t.inspector.inspection.evidence}: {evidence.join(', ')}
        </p>
      )}
    </div>
  );
}
