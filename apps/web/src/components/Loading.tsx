import { useT } from '@/lib/i18n/use-i18n';

/** A light spinner with words for screen readers (antd's Spin would weigh on every first load). */
export function Loading() {
  const t = useT();
  return (
    <div className="page-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{t.common.loading}</span>
    </div>
  );
}
