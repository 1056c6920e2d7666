import { useProvinces, useComplaintCategories } from '@/lib/api/reference';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import { AgencyPicker } from './AgencyPicker';
import { CHANNELS, GRANULARITIES, GROUPS, type TrendFilters } from './trends-filters';

interface Props {
  filters: TrendFilters;
  onChange: (next: Partial<TrendFilters>) => void;
  /** The agency filtered on, by name (picked by name, or by a click on an agency's bar). */
  agencyName?: string;
}

/** The trends filters: every change goes to the URL at once, and the charts redraw in place. */
export function TrendsFilterBar({ filters, onChange, agencyName }: Props) {
  const t = useT();
  const language = useLanguage();
  const provinces = useProvinces();
  const categories = useComplaintCategories();
  const name = (item: { nameZh: string; nameEn: string }) => (language === 'en' ? item.nameEn : item.nameZh);
  const day = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

  return (
    <form className="panel filter-bar no-print" aria-label={t.trends.filters} onSubmit={(event) => event.preventDefault()}>
      <label>
        <span>{t.trends.from}</span>
        <input type="date" value={filters.from} max={filters.to} onChange={(e) => day(e.target.value) && onChange({ from: e.target.value })} />
      </label>
      <label>
        <span>{t.trends.to}</span>
        <input type="date" value={filters.to} min={filters.from} onChange={(e) => day(e.target.value) && onChange({ to: e.target.value })} />
      </label>
      <label>
        <span>{t.trends.granularity}</span>
        <select value={filters.granularity} onChange={(e) => onChange({ granularity: e.target.value as TrendFilters['granularity'] })}>
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {t.trends.granularities[g]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.trends.groupBy}</span>
        <select value={filters.groupBy} onChange={(e) => onChange({ groupBy: e.target.value as TrendFilters['groupBy'] })}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t.trends.groups[g]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.trends.province}</span>
        <select value={filters.province ?? ''} onChange={(e) => onChange({ province: e.target.value || undefined, agencyId: undefined })}>
          <option value="">{t.trends.all}</option>
          {provinces.data?.map((p) => (
            <option key={p.code} value={p.code}>
              {name(p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.trends.category}</span>
        <select value={filters.category ?? ''} onChange={(e) => onChange({ category: e.target.value || undefined })}>
          <option value="">{t.trends.all}</option>
          {categories.data?.map((c) => (
            <option key={c.code} value={c.code}>
              {name(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.trends.channel}</span>
        <select value={filters.channel ?? ''} onChange={(e) => onChange({ channel: (e.target.value || undefined) as TrendFilters['channel'] })}>
          <option value="">{t.trends.all}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t.trends.channels[c]}
            </option>
          ))}
        </select>
      </label>
      {!filters.agencyId && <AgencyPicker onPick={(agencyId) => onChange({ agencyId })} />}
      {filters.agencyId && (
        <div className="filter-agency">
          <span>{t.trends.agency}</span>
          <strong>{agencyName ?? '…'}</strong>
          <button type="button" className="native-button text" onClick={() => onChange({ agencyId: undefined })}>
            {t.trends.clearAgency}
          </button>
        </div>
      )}
    </form>
  );
}
