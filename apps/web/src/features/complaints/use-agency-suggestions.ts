import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, data } from '@/lib/api/client';

/** Suggestions from the public register once 2 characters are typed, after a pause in typing. */
export function useAgencySuggestions(text: string) {
  const [query, setQuery] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  return useQuery({
    queryKey: ['agency-suggestions', query],
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => data(await api.GET('/api/public/agency-suggestions', { params: { query: { q: query } }, signal })).items,
    staleTime: 5 * 60_000,
  });
}
