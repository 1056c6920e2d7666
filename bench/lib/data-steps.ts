import { Client } from 'pg';

/** Generation steps of the monitoring and complaints modules, run after agencies and licences. */
export const DATA_STEPS: ((client: Client) => Promise<string>)[] = [];
