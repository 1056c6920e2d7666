import { AutoComplete } from 'antd';
import { useEffect, useState } from 'react';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import { useTrendsAgency } from './api/get-agency';
import { useAgencySearchResults } from './api/search-agencies';

/** Agencies in the official's jurisdiction whose name holds the text, after a pause in typing. */
function useAgencySearch(text: string) {
  const [query, setQuery] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  return useAgencySearchResults(query);
}

/** The name of the agency filtered on, when the charts on screen do not carry it (picked, or from a shared link). */
export function useAgencyName(agencyId: string | undefined, known: string | undefined): string | undefined {
  const language = useLanguage();
  const agency = useTrendsAgency(agencyId, Boolean(agencyId) && !known);
  if (known) return known;
  return agency.data ? (language === 'en' && agency.data.nameEn ? agency.data.nameEn : agency.data.nameZh) : undefined;
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
        popupMatchSelectWidth={false}
        data-testid="agency-picker"
      />
    </label>
  );
}
