/**
 * Parses JOB_CRON_OVERRIDES, `name=cron;name=cron` (a cron may hold spaces and commas, never `;`).
 * Meant for tests and for an operator who must move a job for a while; the crons in code stay the
 * defaults.
 */
export function parseCronOverrides(raw: string): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const entry of raw.split(';')) {
    if (entry.trim() === '') continue;
    const separator = entry.indexOf('=');
    const name = entry.slice(0, separator).trim();
    const cron = entry.slice(separator + 1).trim();
    if (separator < 0 || name === '' || cron === '') throw new Error(`JOB_CRON_OVERRIDES: '${entry.trim()}' is not name=cron`);
    overrides.set(name, cron);
  }
  return overrides;
}
