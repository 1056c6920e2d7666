import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDraft, loadDraft, saveDraft } from './draft';

describe('complaint draft (survives a reload in this tab only)', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('keeps the unsent form in sessionStorage and reads it back', () => {
    saveDraft({ description: 'unpaid wages', categories: ['fees'] });
    expect(loadDraft<{ description: string; categories: string[] }>()).toEqual({ description: 'unpaid wages', categories: ['fees'] });
    expect(window.localStorage.length).toBe(0);
  });

  it('forgets the draft once sent', () => {
    saveDraft({ description: 'x' });
    clearDraft();
    expect(loadDraft()).toBeUndefined();
  });

  it('reads no draft from nothing or from a corrupt entry', () => {
    expect(loadDraft()).toBeUndefined();
    window.sessionStorage.setItem('complaint-draft', '{oops');
    expect(loadDraft()).toBeUndefined();
  });

  it('goes on without storage when the browser refuses it', () => {
    vi.spyOn(window.sessionStorage, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    expect(() => saveDraft({ description: 'x' })).not.toThrow();
    expect(loadDraft()).toBeUndefined();
  });
});
