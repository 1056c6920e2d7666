import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlFilters } from './use-url-filters';

const NAMES = ['status', 'type'] as const;

function start(url: string) {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>;
  return renderHook(() => ({ url: useUrlFilters(NAMES), location: useLocation() }), { wrapper });
}

describe('useUrlFilters (list filters kept in the URL)', () => {
  it('reads only the named, non-empty parameters', () => {
    const { result } = start('/list?status=open&type=&other=x');
    expect(result.current.url.filters).toEqual({ status: 'open' });
  });

  it('sets one filter and keeps the other parameters', () => {
    const { result } = start('/list?status=open&other=x');
    act(() => result.current.url.setFilter('type', 'routine'));
    expect(new URLSearchParams(result.current.location.search).get('type')).toBe('routine');
    expect(new URLSearchParams(result.current.location.search).get('other')).toBe('x');
    expect(result.current.url.filters).toEqual({ status: 'open', type: 'routine' });
  });

  it('removes a filter set to an empty value', () => {
    const { result } = start('/list?status=open&type=routine');
    act(() => result.current.url.setFilter('status', ''));
    expect(result.current.url.filters).toEqual({ type: 'routine' });
    act(() => result.current.url.setFilter('type', undefined));
    expect(result.current.location.search).toBe('');
  });

  it('clear() empties the query, the path unchanged', () => {
    const { result } = start('/list?status=open&type=routine&other=x');
    act(() => result.current.url.clear());
    expect(result.current.location.pathname).toBe('/list');
    expect(result.current.location.search).toBe('');
  });
});
