import { useSearchParams } from 'react-router';

export interface UrlFilters<Name extends string> {
  filters: Partial<Record<Name, string>>;
  setFilter: (name: Name, value: string | undefined) => void;
  clear: () => void;
}

/**
 * List filters kept in the URL, so that a view can be bookmarked and shared: `filters` holds the
 * named parameters present, `setFilter` replaces one (an empty value removes it).
 */
export function useUrlFilters<Name extends string>(names: readonly Name[]): UrlFilters<Name> {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(names.map((name) => [name, params.get(name) ?? undefined]).filter(([, value]) => value)) as Partial<Record<Name, string>>;
  const setFilter = (name: Name, value: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { filters, setFilter, clear };
}
