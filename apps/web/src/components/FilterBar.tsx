import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '@/lib/i18n/use-i18n';
import { NativeSelect, type NativeOption } from './NativeSelect';
import type { UrlFilters } from '@/hooks/use-url-filters';

/** One filter of the bar: picked from options (the phone's own picker), or typed in. */
export type FilterField<Name extends string> = { name: Name; label: string; id?: string } & ({ options: NativeOption[] } | { type: 'search' | 'number'; min?: number; max?: number });

/** The options of a filter over an enumeration, each named by the page's texts. */
export const choices = <Value extends string>(values: readonly Value[], names: Record<Value, string>): NativeOption[] => values.map((value) => ({ value, label: names[value] }));

interface Props<Name extends string> {
  /** Names the group for screen readers. */
  label?: string;
  url: UrlFilters<Name>;
  /** The filters in order (false: not offered to this reader). */
  fields: (FilterField<Name> | false)[];
  /** How the filters are cleared once any is set: a button under the bar, or a link at its end to the page's bare address (none by default). */
  clear?: 'button' | { link: string };
}

/** A list's filters side by side (one column on a phone), kept in the URL; "any" is the empty choice. */
export function FilterBar<Name extends string>({ label, url, fields, clear }: Props<Name>) {
  const t = useT();
  const { filters, setFilter } = url;
  const anySet = Object.keys(filters).length > 0;
  return (
    <>
      <div className="filter-bar" role={label ? 'group' : undefined} aria-label={label}>
        {fields.map(
          (field) =>
            field && (
              <label key={field.name}>
                <span>{field.label}</span>
                {'options' in field ? (
                  <NativeSelect id={field.id ?? `filter-${field.name}`} value={filters[field.name]} onChange={(value) => setFilter(field.name, value)} placeholder={t.bureau.common.all} options={field.options} />
                ) : (
                  <TextFilter id={field.id ?? `filter-${field.name}`} type={field.type} min={field.min} max={field.max} value={filters[field.name]} onChange={(value) => setFilter(field.name, value)} />
                )}
              </label>
            ),
        )}
        {anySet && typeof clear === 'object' && <Link to={clear.link}>{t.inspector.clearFilters}</Link>}
      </div>
      {anySet && clear === 'button' && (
        <p>
          <button type="button" className="link-button" onClick={url.clear}>
            {t.bureau.common.clearFilters}
          </button>
        </p>
      )}
    </>
  );
}

interface TextFilterProps {
  id: string;
  type: 'search' | 'number';
  min?: number;
  max?: number;
  value?: string;
  onChange: (value: string | undefined) => void;
}

/**
 * A filter typed in, applied on Enter or on leaving the field (not at each key: each would be a
 * request). Follows the filter when it changes elsewhere (cleared, or the address changed).
 */
function TextFilter({ value, onChange, ...attributes }: TextFilterProps) {
  const [text, setText] = useState(value ?? '');
  const [applied, setApplied] = useState(value);
  if (applied !== value) {
    setApplied(value);
    setText(value ?? '');
  }
  const apply = () => onChange(text.trim() || undefined);
  return <input {...attributes} value={text} onChange={(event) => setText(event.target.value)} onBlur={apply} onKeyDown={(event) => event.key === 'Enter' && apply()} />;
}
