import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { getLanguage, type Language } from '@/lib/i18n/language';
import type { components } from './schema';
import { api, data } from './client';

/**
 * Reference data every public page may need, cached per language (the API writes the texts):
 * provinces (GB/T 2260), complaint categories and help lines.
 */
export function useProvinces() {
  return useQuery({
    queryKey: ['jurisdictions', 'province'],
    queryFn: async ({ signal }) => data(await api.GET('/api/jurisdictions', { params: { query: { level: 'province' } }, signal })),
    staleTime: Infinity,
  });
}

type Division = components['schemas']['Jurisdiction'];

/** Every division the registry lists (provinces and cities, under a hundred rows): one request a session. */
function useDivisions() {
  return useQuery({
    queryKey: ['jurisdictions', 'all'],
    queryFn: async ({ signal }) => data(await api.GET('/api/jurisdictions', { signal })),
    staleTime: Infinity,
  });
}

/**
 * A division code's name in the reader's language. A district the reference data does not list
 * (350102) is named by its city (350100), else its province (350000), as GB/T 2260 codes nest;
 * the code itself while the list loads or when nothing matches.
 */
export function divisionName(divisions: readonly Division[] | undefined, code: string, language: Language): string {
  const candidates = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  for (const candidate of candidates) {
    const division = divisions?.find((d) => d.code === candidate);
    if (division) return language === 'en' ? division.nameEn : division.nameZh;
  }
  return code;
}

/** `divisionName` bound to the cached list, for pages that show agencies' or bureaus' places. */
export function useDivisionName(language: Language): (code: string) => string {
  const divisions = useDivisions().data;
  return useCallback((code: string) => divisionName(divisions, code, language), [divisions, language]);
}

export function useComplaintCategories() {
  return useQuery({
    queryKey: ['complaint-categories', getLanguage()],
    queryFn: async ({ signal }) => data(await api.GET('/api/public/complaint-categories', { signal })),
    staleTime: 60 * 60_000,
  });
}

export function useHelpLines() {
  return useQuery({
    queryKey: ['help-lines', getLanguage()],
    queryFn: async ({ signal }) => data(await api.GET('/api/public/help-lines', { signal })).items,
    staleTime: 5 * 60_000,
  });
}
