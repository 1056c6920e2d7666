import { zhMessages } from '@app/core';
import { REFERENCE_DATA_ZH } from '@app/reference-data';

let registered = false;

/** Registers the Chinese of every lib's messages, once per process (core registers its own). */
export function registerAllZhMessages(): void {
  if (registered) return;
  registered = true;
  for (const set of [REFERENCE_DATA_ZH]) zhMessages.add(set);
}
