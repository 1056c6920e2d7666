import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete } from 'antd';
import { useEffect, useState } from 'react';
import { api, data } from '@/api/client';
import { useLanguage, useT } from '@/app/i18n/use-i18n';

/** Agencies in the official's jurisdiction whose name holds the text, after a pause in typing. */
function useAgencySearch(text: string) {
  const [query, setQuery] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  return useQuery({
    queryKey: ['trends', 'agency-search', query],
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => data(await api.GET('/api/agencies', { params: { query: { name: query, limit: 10 } }, signal })).items,
    staleTime: 60_000,
  });
}

/** Picks the agency the trends are filtered on, by its name in either language. */
export function AgencyPicker({ onPick }: { onPick: (agencyId: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const [text, setText] = useState('');
  const agencies = useAgencySearch(text);
  const options = (text.trim().length >= 2 ? (agencies.data ?? []) : []).map((agency) => ({
    value: agency.id,
    label: language === 'en' && agency.nameEn ? `${agency.nameEn} · ${agency.nameZh}` : agency.nameZh,
  }));
  return (
    <label>
      <span>{t.trends.agency}</span>
      <AutoComplete
        value={text}
        options={options}
        onSearch={setText}
        onSelect={(agencyId: string) => {
          setText('');
          onPick(agencyId);
        }}
        placeholder={t.trends.agencyPlaceholder}
        aria-label={t.trends.agency}
        style={{ minWidth: 220 }}
        data-testid="agency-picker"
      />
    </label>
  );
}
