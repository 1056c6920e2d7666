/** A status in words with a tone readable on its tint (see .status-tag in dashboard.css). */
export function StatusTag({ tone, children }: { tone: 'ok' | 'bad' | 'warn' | 'info' | 'off'; children: React.ReactNode }) {
  return <span className={`status-tag ${tone}`}>{children}</span>;
}
