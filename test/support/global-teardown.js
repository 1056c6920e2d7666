module.exports = async function globalTeardown() {
  const server = globalThis.__REGISTRY_TEST_PG__;
  if (server) {
    await server.stop();
    return;
  }
  // On a shared server (TEST_DATABASE_URL) the run's template goes with the run.
  const template = process.env.REGISTRY_TEST_TEMPLATE;
  if (!template || !process.env.REGISTRY_TEST_ADMIN_URL) return;
  const { Client } = require('pg');
  const client = new Client({ connectionString: process.env.REGISTRY_TEST_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS ${template}_building WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
