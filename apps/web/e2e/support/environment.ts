import { join, resolve } from 'node:path';

export function repositoryRoot(): string {
  return resolve(__dirname, '../../../..');
}

/** Where global setup leaves the started API's pid and data directory for teardown. */
export const STATE_FILE = join(resolve(__dirname, '../../../..'), 'test-results', '.browser-api.json');
