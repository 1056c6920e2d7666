import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateEnvironment } from '@app/core';
import { createApi } from './http-app';
import { createOpenApiDocument } from './openapi';

/**
 * `npm run openapi:export`: writes the OpenAPI document of the app as createApi builds it, in
 * preview mode, so no database is needed and nothing is listened on.
 */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'apps/api/openapi.json');
  // Fixed settings: the document must not depend on the machine that exports it.
  const overrides = {
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://openapi-export@127.0.0.1:1/unused',
    JWT_SECRET: 'openapi-export-never-signs-a-token-with-this',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    RUN_JOBS: 'false',
  };
  const env = validateEnvironment({ ...process.env, ...overrides });
  const app = await createApi({ env, plainLogger: true, preview: true });
  const document = createOpenApiDocument(app);
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  console.warn(`OpenAPI document written to ${target} (${Object.keys(document.paths).length} paths)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('The OpenAPI document could not be exported:', error);
    process.exit(1);
  },
);
