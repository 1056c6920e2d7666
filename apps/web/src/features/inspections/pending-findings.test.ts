import { beforeEach, describe, expect, it } from 'vitest';
import { inspectionDetail } from './inspection.fixture';
import { evidenceList, findingsBody, loadPending, reconcile, sameValue, savePending, serverValue, type FindingValue } from './pending-findings';

const value = (result: FindingValue['result'], note = '', evidence = ''): FindingValue => ({ result, note, evidence });

describe('pending findings (the sync queue kept in the browser)', () => {
  beforeEach(() => window.localStorage.clear());

  it('keeps unsent changes per inspection in localStorage and forgets them once empty', () => {
    const pending = { A1: { value: value('non_compliant', 'no licence on the wall'), base: value('not_checked') } };
    savePending('insp-1', pending);
    expect(loadPending('insp-1')).toEqual(pending);
    expect(loadPending('insp-2')).toEqual({});
    savePending('insp-1', {});
    expect(window.localStorage.getItem('inspection-findings:insp-1')).toBeNull();
  });

  it('reads nothing from a corrupt or non-object entry', () => {
    window.localStorage.setItem('inspection-findings:insp-1', '{not json');
    expect(loadPending('insp-1')).toEqual({});
    window.localStorage.setItem('inspection-findings:insp-1', '42');
    expect(loadPending('insp-1')).toEqual({});
  });

  it('compares values as the server stores them: notes trimmed, evidence one reference a line, blanks dropped', () => {
    expect(evidenceList(' a \n\n b\n')).toEqual(['a', 'b']);
    expect(sameValue(value('compliant', ' ok ', 'a\n\nb'), value('compliant', 'ok', ' a\nb '))).toBe(true);
    expect(sameValue(value('compliant'), value('non_compliant'))).toBe(false);
    expect(sameValue(value('compliant', 'ok', 'a'), value('compliant', 'ok', 'b'))).toBe(false);
  });

  it('reads an unanswered item as not checked with empty note and evidence', () => {
    const detail = inspectionDetail({}, [{ result: null, note: null, evidence: [] }, { result: 'compliant', note: 'fine', evidence: ['p1', 'p2'] }]);
    expect(serverValue(detail.findings[0]!)).toEqual(value('not_checked'));
    expect(serverValue(detail.findings[1]!)).toEqual(value('compliant', 'fine', 'p1\np2'));
  });

  it('sends every item once, pending changes over the server values, an empty note left out', () => {
    const detail = inspectionDetail({}, [{ result: 'compliant', note: 'fine', evidence: ['p1'] }, {}]);
    const body = findingsBody(detail, { A2: { value: value('non_compliant', '  ', 'x\n y '), base: value('not_checked') } });
    expect(body).toEqual([
      { itemCode: 'A1', result: 'compliant', note: 'fine', evidence: ['p1'] },
      { itemCode: 'A2', result: 'non_compliant', evidence: ['x', 'y'] },
    ]);
  });

  describe('reconcile (after someone else saved)', () => {
    const mine = value('non_compliant', 'mine');

    it('drops a change the server already holds', () => {
      const detail = inspectionDetail({}, [{ result: 'non_compliant', note: 'mine' }]);
      expect(reconcile(detail, { A1: { value: mine, base: value('not_checked') } })).toEqual({ pending: {}, conflicts: [] });
    });

    it('keeps a change to an item nobody else touched', () => {
      const detail = inspectionDetail();
      const pending = { A1: { value: mine, base: value('not_checked') } };
      expect(reconcile(detail, pending)).toEqual({ pending, conflicts: [] });
    });

    it('reports an item both changed differently as a conflict, never overwriting either', () => {
      const detail = inspectionDetail({}, [{ result: 'compliant', note: 'theirs' }]);
      const pending = { A1: { value: mine, base: value('not_checked') } };
      expect(reconcile(detail, pending)).toEqual({ pending, conflicts: ['A1'] });
    });

    it('drops a change to an item the checklist no longer has', () => {
      expect(reconcile(inspectionDetail(), { Z9: { value: mine, base: value('not_checked') } })).toEqual({ pending: {}, conflicts: [] });
    });
  });
});
